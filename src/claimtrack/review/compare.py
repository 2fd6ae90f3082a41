"""Comparing two versions of one claim file: claims (added, removed, renamed, changed),
citations, anchors, sources, document fields and flags.

Records are compared as the model writes them back (``unstructure``), with the defaults
the schema gives filled in, so ``status`` left out and ``status: unverified`` are the same.
Claims pair up by id; a claim whose id is gone pairs with a new one that has the same anchor
quote and the same text (ignoring spacing), which makes it a rename. Findings pair up by
rule, record id, pointer within the record and message, never by line, so an edit above a
finding does not make it look new.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from claimtrack.findings import Finding
from claimtrack.io.load import LoadedDocument
from claimtrack.lint.baseline import entry_for
from claimtrack.review.changes import (
    AnchorChange,
    CitationChange,
    ClaimChange,
    DocumentDiff,
    FieldChange,
    Line,
    SourceChange,
)
from claimtrack.rules import ANCHOR_NOT_FOUND

__all__ = ["Version", "compare"]

#: Claim fields reported one by one (dotted into ``confidence``), with the schema's default.
_CLAIM_FIELDS: tuple[tuple[str, Any], ...] = (
    ("text", None),
    ("kind", None),
    ("check_worthy", True),
    ("status", "unverified"),
    ("confidence.likelihood", None),
    ("confidence.analytic", None),
    ("confidence.rationale", None),
    ("confidence.credibility", None),
    ("attribution", None),
)
#: Claim fields compared elsewhere or above.
_HANDLED = frozenset({"id", "anchor", "citations", "confidence"}) | {
    name for name, _ in _CLAIM_FIELDS
}
_CITATION_DEFAULTS = {"stance": "supports", "backs": "content"}


@attrs.frozen(kw_only=True)
class Version:
    """One side of a claim file: its name there, the loaded document and its records as
    plain data (None when it could not be loaded or structured), and every finding."""

    name: str
    document: LoadedDocument | None = None
    records: dict[str, Any] | None = None
    findings: tuple[Finding, ...] = ()
    problems: tuple[Finding, ...] = ()


def _get(record: dict[str, Any], dotted: str, default: Any = None) -> Any:
    value: Any = record
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return default
        value = value[part]
    return value


def _fields(
    before: dict[str, Any], after: dict[str, Any], names: Iterable[tuple[str, Any]]
) -> list[FieldChange]:
    changed = []
    for name, default in names:
        old, new = _get(before, name, default), _get(after, name, default)
        if old != new:
            changed.append(FieldChange(name, old, new))
    return changed


def _other_fields(
    before: dict[str, Any], after: dict[str, Any], skip: frozenset[str]
) -> list[FieldChange]:
    keys = sorted((set(before) | set(after)) - skip)
    return _fields(before, after, ((key, None) for key in keys))


def _line(version: Version, section: str, index: int) -> Line | None:
    if version.document is None:
        return None
    return Line(path=version.name, line=version.document.location((section, index)).line)


def _spaced(text: Any) -> str:
    return " ".join(str(text).split())


def _pair_claims(
    base: list[dict[str, Any]], head: list[dict[str, Any]]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pairs of (base index, head index), then the base and head claims left unpaired."""
    head_by_id = {claim.get("id"): index for index, claim in enumerate(head)}
    pairs: list[tuple[int, int]] = []
    removed: list[int] = []
    taken: set[int] = set()
    for index, claim in enumerate(base):
        match = head_by_id.get(claim.get("id"))
        if match is not None and match not in taken:
            pairs.append((index, match))
            taken.add(match)
        else:
            removed.append(index)
    added = [index for index in range(len(head)) if index not in taken]

    def signature(claim: dict[str, Any]) -> tuple[str, str]:
        return (_spaced(_get(claim, "anchor.exact", "")), _spaced(claim.get("text", "")))

    waiting: dict[tuple[str, str], list[int]] = {}
    for index in added:
        waiting.setdefault(signature(head[index]), []).append(index)
    still_removed = []
    for index in removed:
        candidates = waiting.get(signature(base[index]))
        if candidates:
            pairs.append((index, candidates.pop(0)))
        else:
            still_removed.append(index)
    paired_heads = {h for _, h in pairs}
    return pairs, still_removed, [index for index in added if index not in paired_heads]


def _citation_key(citation: dict[str, Any]) -> tuple[Any, Any]:
    return (citation.get("source"), citation.get("locator"))


def _citations(
    before: Sequence[dict[str, Any]], after: Sequence[dict[str, Any]]
) -> list[CitationChange]:
    """Citations pair by source and locator, then by source alone."""
    left = list(range(len(before)))
    right = list(range(len(after)))
    pairs: list[tuple[int, int]] = []
    for key in (_citation_key, lambda citation: citation.get("source")):
        for i in list(left):
            for j in right:
                if key(before[i]) == key(after[j]):
                    pairs.append((i, j))
                    left.remove(i)
                    right.remove(j)
                    break
    changes: list[CitationChange] = []
    for i, j in sorted(pairs, key=lambda pair: pair[1]):
        old, new = before[i], after[j]
        names = [(name, _CITATION_DEFAULTS.get(name)) for name in ("stance", "backs")]
        names += [
            (key, None) for key in sorted((set(old) | set(new)) - {"source", "stance", "backs"})
        ]
        fields = _fields(old, new, names)
        if fields:
            changes.append(
                CitationChange(
                    change="changed",
                    source=new["source"],
                    locator=new.get("locator"),
                    fields=tuple(fields),
                )
            )
    changes.extend(
        CitationChange(
            change="removed", source=before[i]["source"], locator=before[i].get("locator")
        )
        for i in left
    )
    changes.extend(
        CitationChange(change="added", source=after[j]["source"], locator=after[j].get("locator"))
        for j in right
    )
    return changes


def _orphaned(findings: Iterable[Finding], claim_id: str) -> str | None:
    for finding in findings:
        if finding.code == ANCHOR_NOT_FOUND.code and finding.location.claim_id == claim_id:
            return finding.message
    return None


def _anchor(
    old: dict[str, Any], new: dict[str, Any], base: Version, head: Version
) -> AnchorChange | None:
    before, after = old.get("anchor") or {}, new.get("anchor") or {}
    keys = [(key, None) for key in ("exact", "prefix", "suffix", "start", "end")]
    keys += [(key, None) for key in sorted((set(before) | set(after)) - {k for k, _ in keys})]
    fields = tuple(_fields(before, after, keys))
    lost = _orphaned(head.findings, new["id"])
    if lost is not None and _orphaned(base.findings, old["id"]) is None:
        return AnchorChange(change="orphaned", fields=fields, problem=lost)
    return AnchorChange(change="moved", fields=fields) if fields else None


def _claim(
    old: dict[str, Any],
    new: dict[str, Any],
    base: Version,
    head: Version,
    lines: tuple[Line | None, Line | None],
) -> ClaimChange:
    fields = _fields(old, new, _CLAIM_FIELDS)
    fields += _other_fields(old, new, _HANDLED)
    return ClaimChange(
        change="renamed" if old["id"] != new["id"] else "changed",
        claim_id=new["id"],
        old_id=old["id"] if old["id"] != new["id"] else None,
        text=new["text"],
        fields=tuple(fields),
        citations=tuple(_citations(old.get("citations", []), new.get("citations", []))),
        anchor=_anchor(old, new, base, head),
        base=lines[0],
        head=lines[1],
    )


def _claims(
    base: Version, head: Version, old_records: dict[str, Any], new_records: dict[str, Any]
) -> list[ClaimChange]:
    old, new = old_records.get("claims", []), new_records.get("claims", [])
    pairs, removed, added = _pair_claims(old, new)
    changes = [
        change
        for i, j in pairs
        if not (
            change := _claim(
                old[i], new[j], base, head, (_line(base, "claims", i), _line(head, "claims", j))
            )
        ).is_empty
    ]
    changes += [
        ClaimChange(
            change="removed",
            claim_id=old[i]["id"],
            text=old[i]["text"],
            base=_line(base, "claims", i),
        )
        for i in removed
    ]
    changes += [
        ClaimChange(
            change="added",
            claim_id=new[j]["id"],
            text=new[j]["text"],
            head=_line(head, "claims", j),
        )
        for j in added
    ]
    return sorted(changes, key=_position)


def _position(change: ClaimChange | SourceChange) -> int:
    """Where a change is listed: at its head line, or (removed) at its base line."""
    line = change.head or change.base
    return line.line if line is not None else 0


def _sources(
    base: Version, head: Version, old_records: dict[str, Any], new_records: dict[str, Any]
) -> list[SourceChange]:
    old = {s["id"]: (i, s) for i, s in enumerate(old_records.get("sources", []))}
    new = {s["id"]: (i, s) for i, s in enumerate(new_records.get("sources", []))}
    changes: list[SourceChange] = []
    for source_id in sorted(set(old) | set(new)):
        if source_id not in new:
            changes.append(
                SourceChange(
                    change="removed",
                    source_id=source_id,
                    base=_line(base, "sources", old[source_id][0]),
                )
            )
        elif source_id not in old:
            changes.append(
                SourceChange(
                    change="added",
                    source_id=source_id,
                    head=_line(head, "sources", new[source_id][0]),
                )
            )
        else:
            fields = _other_fields(old[source_id][1], new[source_id][1], frozenset({"id"}))
            if fields:
                changes.append(
                    SourceChange(
                        change="changed",
                        source_id=source_id,
                        fields=tuple(fields),
                        base=_line(base, "sources", old[source_id][0]),
                        head=_line(head, "sources", new[source_id][0]),
                    )
                )
    return sorted(changes, key=_position)


def _flag_key(
    finding: Finding, version: Version, renamed: dict[str, str] | None = None
) -> tuple[str, ...]:
    """What pairs a finding with its counterpart on the other side; ``renamed`` maps the
    base-side ids of renamed claims to their head-side ids, so their findings still pair."""
    data = version.document.data if version.document is not None else None
    entry = entry_for(finding, "", data)
    _path, code, claim_id, source_id, pointer = entry.key
    message = finding.message
    if renamed and claim_id in renamed:
        message = message.replace(repr(claim_id), repr(renamed[claim_id]))
        claim_id = renamed[claim_id]
    return (code, claim_id, source_id, pointer, message)


def _only_in(
    first: Version, second: Version, renamed: tuple[dict[str, str], dict[str, str]]
) -> tuple[Finding, ...]:
    """The findings of ``first`` that ``second`` has no counterpart for (``renamed`` maps
    each side's ids of renamed claims to the head side's)."""
    remaining = Counter(_flag_key(finding, second, renamed[1]) for finding in second.findings)
    only: list[Finding] = []
    for finding in first.findings:
        key = _flag_key(finding, first, renamed[0])
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            only.append(finding)
    return tuple(only)


def compare(base: Version | None, head: Version | None, status: str) -> DocumentDiff:
    """What changed in a claim file from ``base`` to ``head`` (None for a side where the
    file does not exist)."""
    old = base or Version(name=head.name if head else "")
    new = head or Version(name=old.name)
    claims: list[ClaimChange] = []
    sources: list[SourceChange] = []
    document: list[FieldChange] = []
    # A file only one side has: its claims and sources are all added (or all removed).
    nothing: dict[str, Any] = {"claims": [], "sources": []}
    before = old.records if base is not None else nothing
    after = new.records if head is not None else nothing
    if before is not None and after is not None:
        claims = _claims(old, new, before, after)
        sources = _sources(old, new, before, after)
    if base is not None and head is not None and before is not None and after is not None:
        document = _other_fields(before.get("document", {}), after.get("document", {}), frozenset())
    renamed = {c.old_id: c.claim_id for c in claims if c.old_id is not None}
    return DocumentDiff(
        path=new.name,
        old_path=old.name if status == "renamed" else None,
        status=status,
        base_problems=old.problems,
        head_problems=new.problems,
        document=tuple(document),
        claims=tuple(claims),
        sources=tuple(sources),
        introduced=_only_in(new, old, ({}, renamed)),
        fixed=_only_in(old, new, (renamed, {})),
    )
