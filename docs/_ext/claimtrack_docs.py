"""Sphinx extension: generate reference pages from the schema and the rule registry.

Pages are written into ``docs/generated/`` (not kept in git) before the build reads sources,
so the claim-file reference can never drift from ``schemas/claim-file.schema.json``, nor a rule
page from the rule's own metadata (the same text SARIF output and ``claimtrack rules`` show).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimtrack import lint  # noqa: F401  (registers the flag rules)
from claimtrack.rules import RuleInfo, iter_rules
from claimtrack.schema import load_schema

GENERATED = Path(__file__).resolve().parent.parent / "generated"


def _type_of(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "enum" in prop:
        return " \\| ".join(f"`{value}`" for value in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    kind = prop.get("type", "")
    if kind == "array":
        return "list of " + _type_of(prop.get("items", {}))
    return str(kind)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _table(definition: dict[str, Any]) -> list[str]:
    required = set(definition.get("required", []))
    lines = ["| field | type | required | description |", "| --- | --- | --- | --- |"]
    for name, prop in definition.get("properties", {}).items():
        description = prop.get("description", "")
        default = prop.get("default")
        if default is not None:
            description += (
                f" Default: `{str(default).lower() if isinstance(default, bool) else default}`."
            )
        lines.append(
            f"| `{name}` | {_type_of(prop)} | {'yes' if name in required else ''} |"
            f" {_cell(description)} |"
        )
    return lines


def render_claim_format() -> str:
    """The claim-file reference page, from the schema."""
    schema = load_schema()
    out = [
        "# Claim file reference",
        "",
        "Generated from `schemas/claim-file.schema.json` (Draft 2020-12, "
        f"`$id` `{schema['$id']}`). {schema['description']}",
        "",
        "## The file",
        "",
        *_table(schema),
        "",
    ]
    for name, definition in schema["$defs"].items():
        out += [f"## {name}", "", _cell(definition.get("description", "")), ""]
        if "properties" in definition:
            out += [*_table(definition), ""]
        else:
            facts = []
            if "pattern" in definition:
                facts.append(f"pattern `{definition['pattern']}`")
            if "maxLength" in definition:
                facts.append(f"at most {definition['maxLength']} characters")
            if facts:
                out += ["Form: " + ", ".join(facts) + ".", ""]
        examples = definition.get("examples")
        if examples:
            out += ["Examples: " + ", ".join(f"`{_example(e)}`" for e in examples[:3]), ""]
    return "\n".join(out)


def _example(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


_FAMILIES = (
    ("E1", "Errors: the file cannot be read or breaks the schema"),
    ("E2", "Errors: the file contradicts itself or its snapshot"),
    ("F0", "Flags about suppressions"),
    ("F1", "Flags: how a claim is sourced"),
    ("F2", "Flags: source records"),
    ("F3", "Flags: sign-off before publication"),
)


def _silencing(rule: RuleInfo) -> list[str]:
    if rule.code.startswith("E"):
        return [
            "Errors always run and cannot be ignored, re-graded or suppressed: they say the file "
            "is wrong. A baseline (`--write-baseline`) can still record existing ones.",
        ]
    lines = [
        "Turn it off for a project in `pyproject.toml` (or `claimtrack.toml` without the "
        "`tool.claimtrack` prefix), or change its severity:",
        "",
        "```toml",
        "[tool.claimtrack]",
        f'ignore = ["{rule.code}"]',
        f'severity = {{ "{rule.name}" = "info" }}',
        "```",
        "",
        f"On the command line: `claimtrack check --ignore {rule.code} ...`.",
    ]
    if rule.code.startswith(("F1", "F3")):
        lines += [
            "",
            "Silence it on one claim, with the reason (the reason is mandatory, and a suppression "
            "that silences nothing is itself flagged by [F001](F001.md)):",
            "",
            "```yaml",
            "suppress:",
            f"  - rule: {rule.name}",
            "    reason: Why the flag does not apply to this claim.",
            "```",
        ]
    return lines


def render_rule(rule: RuleInfo) -> str:
    """One rule's page, from its registry entry."""
    out = [
        f"# {rule.code} {rule.name}",
        "",
        f"**Default severity:** {rule.severity}. **Code:** `{rule.code}`. **Name:** `{rule.name}`.",
        "",
        "## What it flags",
        "",
        rule.summary,
        "",
        "## Why it matters",
        "",
        rule.rationale,
        "",
    ]
    if rule.bad_example:
        out += ["## Flagged", "", "```yaml", rule.bad_example.rstrip(), "```", ""]
    if rule.good_example:
        out += ["## Fixed", "", "```yaml", rule.good_example.rstrip(), "```", ""]
    if rule.hint:
        out += ["## What to do", "", rule.hint, ""]
    out += ["## Turning it off", "", *_silencing(rule), ""]
    return "\n".join(out)


def render_rules_index() -> str:
    """The rules overview page: every rule by family, linking to its page."""
    registry = list(iter_rules())
    out = [
        "# Rules",
        "",
        "Every finding has a stable code and a kebab-case name; configuration, suppressions and "
        "`--select`/`--ignore` accept either, and code prefixes (`F1`, `F`) too. Codes are never "
        "reused. Errors (`E`) say the file is wrong and always run; flags (`F`) say the sourcing "
        "is weak and can be selected, re-graded, suppressed per claim and baselined. "
        "`claimtrack rules` lists the same rules, `claimtrack rules CODE` explains one.",
        "",
        "```{toctree}",
        ":hidden:",
        "",
        *(rule.code for rule in registry),
        "```",
        "",
    ]
    for prefix, title in _FAMILIES:
        members = [rule for rule in registry if rule.code.startswith(prefix)]
        if not members:
            continue
        out += [
            f"## {title}",
            "",
            "| code | name | severity | what it flags |",
            "| --- | --- | --- | --- |",
        ]
        out += [
            f"| [{rule.code}]({rule.code}.md) | `{rule.name}` | {rule.severity} |"
            f" {_cell(rule.summary)} |"
            for rule in members
        ]
        out.append("")
    return "\n".join(out)


def write_pages(_app: Any = None) -> None:
    """Write every generated page (called before Sphinx reads the sources)."""
    GENERATED.mkdir(exist_ok=True)
    pages = {"claim-format.md": render_claim_format(), "rules/index.md": render_rules_index()}
    pages.update({f"rules/{rule.code}.md": render_rule(rule) for rule in iter_rules()})
    for name, text in pages.items():
        target = GENERATED / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", write_pages)
    return {"parallel_read_safe": True, "version": "1"}
