"""``claimtrack rules``: list the rules, or explain one (from the same registry as the docs)."""

from __future__ import annotations

import sys

import click

from claimtrack.cli import exit_codes


@click.command("rules")
@click.argument("rule", required=False, metavar="[RULE]")
def rules_command(rule: str | None) -> None:
    """List every rule (code, name, default severity, summary), or explain RULE (a code or
    a name): why it matters, a flagged and a fixed example, and what to do."""
    from claimtrack import lint  # noqa: F401  (registers the flags)
    from claimtrack.rules import iter_rules, lookup_rule

    if rule is None:
        for each in iter_rules():
            click.echo(f"{each.code}  {each.name:<32} {each.severity:<8} {each.summary}")
        return
    found = lookup_rule(rule)
    if found is None:
        click.echo(f"claimtrack: unknown rule {rule!r} (see 'claimtrack rules')", err=True)
        sys.exit(exit_codes.USAGE)
    info = found
    lines = [f"{info.code} {info.name} [{info.severity}]", "", info.summary, "", info.rationale]
    if info.bad_example:
        lines += ["", "Flagged:", "", *("    " + line for line in info.bad_example.splitlines())]
    if info.good_example:
        lines += ["", "Fixed:", "", *("    " + line for line in info.good_example.splitlines())]
    if info.hint:
        lines += ["", f"What to do: {info.hint}"]
    if info.code.startswith("F1"):
        lines += [
            "",
            f"Silence it on one claim with: suppress: [{{rule: {info.name}, reason: ...}}]",
        ]
    click.echo("\n".join(lines))
