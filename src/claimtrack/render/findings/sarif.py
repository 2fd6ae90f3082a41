"""Findings as SARIF 2.1.0, for code-scanning services and editors.

One run; ``tool.driver.rules`` comes from the rule registry (every registered rule, in code
order, with its descriptions, help and documentation link); each result names its rule,
level, message and region (1-based lines and columns counted in Unicode code points, end
column exclusive). Findings silenced by a claim's suppression are included with an
``inSource`` suppression carrying the reason, as SARIF intends, so viewers can hide them.

Each result's ``partialFingerprints`` hold ``primaryLocationLineHash`` (the one fingerprint
GitHub code scanning reads) and ``claimtrackKey/v1``: both hash the baseline key (file, rule,
record id, pointer), never a line, so inserting lines above a finding keeps its alert.

When a baseline was applied, counted results say ``baselineState: new``; baseline entries no
longer found are reported as ``toolExecutionNotifications`` of the invocation, not as
results: a consumer that ignores ``baselineState`` (GitHub does) would show an ``absent``
result as an open alert.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from claimtrack import lint as _lint  # noqa: F401  (registers the flag rules)
from claimtrack import rules
from claimtrack._version import __version__
from claimtrack.findings import Finding, Severity
from claimtrack.lint.baseline import BaselineEntry, entry_for
from claimtrack.results import FileResult
from claimtrack.rules import RuleInfo

__all__ = ["SARIF_SCHEMA", "render_sarif", "rule_help_uri"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def rule_help_uri(rule: RuleInfo, docs_url: str) -> str:
    """Where a rule's documentation page is published, under the docs site ``docs_url``."""
    return f"{docs_url.rstrip('/')}/generated/rules/{rule.code}.html"


def _rule(rule: RuleInfo, docs_url: str | None) -> dict[str, Any]:
    help_text = rule.rationale + (f" {rule.hint}" if rule.hint else "")
    markdown = f"{rule.rationale}\n\n**What to do:** {rule.hint or ''}".rstrip()
    if rule.bad_example:
        markdown += f"\n\nFlagged:\n\n```yaml\n{rule.bad_example.rstrip()}\n```"
    if rule.good_example:
        markdown += f"\n\nFixed:\n\n```yaml\n{rule.good_example.rstrip()}\n```"
    described: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": help_text, "markdown": markdown},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
    }
    if docs_url:
        described["helpUri"] = rule_help_uri(rule, docs_url)
    return described


def _region(finding: Finding) -> dict[str, int]:
    loc = finding.location
    region = {"startLine": loc.line, "startColumn": loc.column}
    if loc.end_line is not None:
        region["endLine"] = loc.end_line
    if loc.end_column is not None:
        region["endColumn"] = loc.end_column
    return region


def _key_hash(finding: Finding, data: Any) -> str:
    """A SHA-256 of the baseline key (file, rule, record id, pointer): stable across edits that
    move lines, so code-scanning services track one problem as one alert."""
    key = "\x00".join(entry_for(finding, finding.location.path, data).key)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _fingerprints(finding: Finding, data: Any, seen: Counter[str]) -> dict[str, str]:
    """``primaryLocationLineHash`` in the ``hash:occurrence`` form GitHub's own tools write
    (the occurrence tells identical keys apart), and our own key."""
    digest = _key_hash(finding, data)
    seen[digest] += 1
    return {
        "primaryLocationLineHash": f"{digest[:16]}:{seen[digest]}",
        "claimtrackKey/v1": digest[:32],
    }


def _result(
    finding: Finding,
    index: dict[str, int],
    fingerprints: dict[str, str],
    reason: str | None = None,
) -> dict[str, Any]:
    loc = finding.location
    text = finding.message + (f" (claim {loc.claim_id})" if loc.claim_id else "")
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": _LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": quote(loc.path)},
                    "region": _region(finding),
                },
            }
        ],
    }
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    result["partialFingerprints"] = fingerprints
    if loc.pointer:
        result["locations"][0]["logicalLocations"] = [
            {"fullyQualifiedName": loc.pointer, "kind": "object"}
        ]
    properties: dict[str, Any] = {"name": finding.name}
    if loc.claim_id:
        properties["claimId"] = loc.claim_id
    if finding.hint:
        properties["hint"] = finding.hint
    result["properties"] = properties
    if reason is not None:
        result["suppressions"] = [{"kind": "inSource", "justification": reason}]
    return result


def _fixed_notification(entry: BaselineEntry, baseline: str) -> dict[str, Any]:
    record = entry.claim_id or entry.source_id
    what = (
        f"{entry.code} on {'claim' if entry.claim_id else 'source'} {record}"
        if record
        else entry.code
    )
    notification: dict[str, Any] = {
        "level": "note",
        "message": {
            "text": f"Fixed: the baseline entry {what} ({entry.path}"
            f"{' ' + entry.pointer if entry.pointer else ''}) matches no finding any more;"
            f" write the baseline again to drop it ({baseline})."
        },
        "descriptor": {"id": entry.code},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": quote(entry.path)}}}],
        "properties": {"baselineState": "absent"},
    }
    return notification


def render_sarif(
    results: Sequence[FileResult], docs_url: str | None = None, baseline: str | None = None
) -> str:
    """The SARIF 2.1.0 log of a run, as indented JSON ending in a newline.

    ``docs_url`` is where the documentation site is published (the rule pages live under
    ``generated/rules/``); without it the log carries the rules' full help text but no links.
    ``baseline`` names the baseline file applied, if one was: results then carry
    ``baselineState`` and fixed entries are reported.
    """
    registry = list(rules.iter_rules())
    index = {rule.code: number for number, rule in enumerate(registry)}
    items: list[tuple[tuple[str, int, int, str, str, str], dict[str, Any]]] = []
    fixed: list[dict[str, Any]] = []
    for file_result in results:
        data = file_result.record_data
        seen: Counter[str] = Counter()
        for finding in sorted(file_result.findings, key=lambda f: f.sort_key):
            result = _result(finding, index, _fingerprints(finding, data, seen))
            if baseline is not None:
                result["baselineState"] = "new"
            items.append((finding.sort_key, result))
        for item in sorted(file_result.suppressed, key=lambda s: s.finding.sort_key):
            fingerprints = _fingerprints(item.finding, data, seen)
            items.append(
                (item.finding.sort_key, _result(item.finding, index, fingerprints, item.reason))
            )
        if baseline is not None:
            fixed += [_fixed_notification(entry, baseline) for entry in file_result.fixed]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "claimtrack",
                "version": __version__,
                **({"informationUri": docs_url} if docs_url else {}),
                "rules": [_rule(rule, docs_url) for rule in registry],
            }
        },
    }
    if fixed:
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": fixed}]
    run["columnKind"] = "unicodeCodePoints"
    run["results"] = [result for _key, result in sorted(items, key=lambda pair: pair[0])]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [run],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
