"""Schema and integrity checks: a loaded document in, error findings out.

Schema errors come from the published JSON Schema, every one of them (``iter_errors``), each
turned into a finding with the position of the offending value and a message that says what
to do. Integrity errors are what a schema cannot express: ids used twice, citations of
unknown sources, inverted ranges, impossible dates, and anchors that do not match the
document snapshot.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from claimtrack import _dates, rules
from claimtrack.anchor import Match, PlacementStatus, fits_context, nearest, normalize, place
from claimtrack.findings import Finding
from claimtrack.io.load import LoadedDocument
from claimtrack.io.snapshot import SnapshotText
from claimtrack.model import Anchor, Claim, ClaimFile, Quantity, When
from claimtrack.schema import fast_validator, load_schema, validator
from claimtrack.schema_hints import misplaced_key_parent, missing_field_hint

__all__ = [
    "anchor_findings",
    "anchor_text",
    "claim_integrity_findings",
    "file_integrity_findings",
    "integrity_findings",
    "schema_findings",
    "snapshot_findings",
]

Path = tuple[str | int, ...]


def _show(value: Any, limit: int = 60) -> str:
    """A value as the user wrote it, in JSON spelling, shortened."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


_JSON_TYPES = {
    str: "a string",
    bool: "a boolean",
    int: "a number",
    float: "a number",
    list: "a list",
    dict: "a mapping",
    type(None): "null",
}
_TYPE_NAMES = {
    "string": "a string",
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list",
    "object": "a mapping",
    "null": "null",
}


def _def_names() -> dict[str, str]:
    """Definition names by their (unique) description: the validator hands us copies of the
    definitions, so identity cannot tell which one an error is about."""
    schema = load_schema()
    return {
        definition.get("description", ""): name
        for name, definition in schema.get("$defs", {}).items()
    }


def _what(path: Path) -> str:
    """How to name the place of a value in a message: field 'x' or 'the file'."""
    for step in reversed(path):
        if isinstance(step, str):
            return f"field {step!r}"
    return "the file"


def _owner(document: LoadedDocument, path: Path) -> str:
    """How to name the record that holds a path: claim 'x' (or claim #3), the document."""
    if not path:
        return "the file"
    if path[0] == "document":
        return "the document"
    if len(path) >= 2 and isinstance(path[1], int) and path[0] in ("claims", "sources"):
        records = document.data.get(path[0])
        record = records[path[1]] if isinstance(records, list) else None
        record_id = record.get("id") if isinstance(record, dict) else None
        kind = "claim" if path[0] == "claims" else "source"
        if isinstance(record_id, str) and record_id:
            return f"{kind} {record_id!r}"
        return f"{kind} #{path[1] + 1}"
    return "the file"


def _suggest(value: Any, choices: Iterable[Any]) -> str:
    options = [str(choice) for choice in choices]
    if isinstance(value, str):
        close = difflib.get_close_matches(value, options, n=1, cutoff=0.5)
        if close:
            return f"did you mean {close[0]!r}?"
    return "expected one of " + ", ".join(repr(option) for option in options)


def schema_findings(document: LoadedDocument) -> list[Finding]:
    """Every schema violation of the document, as findings in path order."""
    fast = fast_validator()
    if fast is not None and fast.is_valid(document.data):
        return []
    names = _def_names()
    findings: list[Finding] = []
    errors = sorted(
        validator().iter_errors(document.data),
        key=lambda error: [str(step) for step in error.absolute_path],
    )
    seen: set[tuple[str, str]] = set()
    for error in errors:
        for finding in _from_error(document, error, names):
            # One value breaking two constraints (empty text: minLength and pattern) is one
            # problem to the person fixing it.
            key = (finding.code, finding.location.pointer)
            if key not in seen:
                seen.add(key)
                findings.append(finding)
    return findings


def _from_error(document: LoadedDocument, error: Any, names: dict[str, str]) -> Iterator[Finding]:
    path: Path = tuple(error.absolute_path)
    keyword = error.validator
    instance = error.instance
    if keyword == "required" and isinstance(instance, dict):
        for name in error.validator_value:
            if name not in instance:
                yield rules.finding(
                    rules.MISSING_FIELD,
                    f"{_owner(document, path)} is missing the required field {name!r}",
                    document.location(path),
                    hint=missing_field_hint(error.schema, name, load_schema()),
                )
    elif keyword in ("additionalProperties", "unevaluatedProperties") and isinstance(
        instance, dict
    ):
        known = sorted(error.schema.get("properties", {}))
        for name in instance:
            if name in known:
                continue
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            parent = misplaced_key_parent(error.schema, instance, name, load_schema())
            hint = (
                f"{name!r} belongs to {parent!r}, which is empty here: indent {name!r}"
                f" under {parent!r}, further than {parent!r} itself."
                if parent is not None
                else f"Did you mean {close[0]!r}?"
                if close
                else "Known fields here: " + ", ".join(known) + "."
            )
            yield rules.finding(
                rules.UNKNOWN_FIELD,
                f"{_owner(document, path)} has an unknown field {name!r}",
                document.location((*path, name), key=True),
                hint=hint,
            )
    elif keyword == "type":
        expected = error.validator_value
        wanted = (
            " or ".join(_TYPE_NAMES.get(str(t), str(t)) for t in expected)
            if isinstance(expected, list)
            else _TYPE_NAMES.get(expected, expected)
        )
        got = _JSON_TYPES.get(type(instance), type(instance).__name__)
        hint = f"Write {wanted} here."
        if expected == "boolean" and isinstance(instance, str):
            hint = "Write true or false (without quotes)."
        elif expected in ("number", "integer") and isinstance(instance, str):
            hint = "Write the number without quotes, digits only (2000, not '2,000')."
        yield rules.finding(
            rules.WRONG_TYPE,
            f"{_what(path)} of {_owner(document, path)} must be {wanted},"
            f" got {got}" + ("" if instance is None else f" {_show(instance)}"),
            document.location(path),
            hint=hint,
        )
    elif keyword in ("enum", "const"):
        choices = error.validator_value if keyword == "enum" else [error.validator_value]
        yield rules.finding(
            rules.INVALID_VALUE,
            f"{_what(path)} of {_owner(document, path)} has the invalid value {_show(instance)}",
            document.location(path),
            hint=_suggest(instance, choices).capitalize(),
        )
    elif keyword in ("oneOf", "anyOf", "not", "allOf"):
        description = error.schema.get("description", "")
        name = names.get(description, "record").lower()
        keys = ", ".join(repr(key) for key in instance) if isinstance(instance, dict) else ""
        yield rules.finding(
            rules.INVALID_SHAPE,
            f"this {name} of {_owner(document, path)} combines fields the schema does not allow"
            + (f" together ({keys})" if keys else ""),
            document.location(path),
            hint=description or None,
        )
    else:
        description = error.schema.get("description") if isinstance(error.schema, dict) else None
        yield rules.finding(
            rules.INVALID_VALUE,
            f"{_what(path)} of {_owner(document, path)} has the invalid value {_show(instance)}:"
            f" {_constraint(keyword, error.validator_value)}",
            document.location(path),
            hint=description,
        )


def _constraint(keyword: str, value: Any) -> str:
    if keyword == "pattern":
        return "it does not have the required form"
    if keyword == "minLength":
        return "it must not be empty" if value == 1 else f"it needs at least {value} characters"
    if keyword == "maxLength":
        return f"it may have at most {value} characters"
    if keyword == "minimum":
        return f"it must be at least {value}"
    if keyword == "maximum":
        return f"it must be at most {value}"
    return f"it breaks the schema's {keyword!r} rule"


# --------------------------------------------------------------------------- integrity


def integrity_findings(
    document: LoadedDocument, claim_file: ClaimFile, snapshot: SnapshotText | None
) -> list[Finding]:
    """Errors beyond the schema: ids, references, ranges, dates, snapshot and anchors."""
    claim_ids = [claim.id for claim in claim_file.claims]
    return [
        *file_integrity_findings(document, claim_file, claim_ids, snapshot),
        *claim_integrity_findings(document, claim_file, anchor_text(claim_file, snapshot)),
    ]


def file_integrity_findings(
    document: LoadedDocument,
    claim_file: ClaimFile,
    claim_ids: Sequence[str],
    snapshot: SnapshotText | None,
) -> list[Finding]:
    """The integrity errors of the file as a whole: ids used twice (``claim_ids`` are those of
    every claim, by position), the dates of the document and the sources, and the snapshot
    itself. ``claim_file``'s claims are not looked at."""
    findings = list(_duplicate_ids(document, "claims", claim_ids))
    findings.extend(
        _duplicate_ids(document, "sources", [source.id for source in claim_file.sources])
    )
    findings.extend(_file_dates(document, claim_file))
    findings.extend(_snapshot_problems(document, claim_file, snapshot))
    return findings


def claim_integrity_findings(
    document: LoadedDocument, claim_file: ClaimFile, text: str | None
) -> list[Finding]:
    """The integrity errors of each claim on its own: citations of unknown sources, its
    ranges and dates, and (given the normalised snapshot ``text``) its anchor. Any run of a
    file's claims may be checked apart from the rest."""
    findings = list(_unknown_sources(document, claim_file))
    findings.extend(_claim_dates(document, claim_file))
    if text is not None:
        findings.extend(anchor_findings(document, claim_file, text))
    return findings


def _duplicate_ids(document: LoadedDocument, section: str, ids: Sequence[str]) -> Iterator[Finding]:
    first_seen: dict[str, int] = {}
    for index, record_id in enumerate(ids):
        if record_id in first_seen:
            first = document.location((section, first_seen[record_id], "id"))
            yield rules.finding(
                rules.DUPLICATE_ID,
                f"{section[:-1]} id {record_id!r} is already used by {section[:-1]}"
                f" #{first_seen[record_id] + 1} (line {first.line})",
                document.location((section, index, "id")),
            )
        else:
            first_seen[record_id] = index


def _unknown_sources(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    known = [source.id for source in claim_file.sources]
    known_set = set(known)
    for index, claim in enumerate(claim_file.claims):
        for number, citation in enumerate(claim.citations):
            if citation.source not in known_set:
                close = difflib.get_close_matches(citation.source, known, n=1, cutoff=0.6)
                hint = (
                    f"Did you mean {close[0]!r}?"
                    if close
                    else "Add a record with this id to 'sources', or correct the id."
                )
                yield rules.finding(
                    rules.UNKNOWN_SOURCE,
                    f"claim {claim.id!r} cites the source {citation.source!r}, which 'sources'"
                    " does not define",
                    document.location(("claims", index, "citations", number, "source")),
                    hint=hint,
                )


def _when_findings(document: LoadedDocument, when: When, path: Path) -> Iterator[Finding]:
    for field in ("date", "start", "end"):
        value = getattr(when, field)
        if value is not None and not _dates.is_real_date(value):
            yield rules.finding(
                rules.INVALID_DATE,
                f"{value!r} is not a date in the calendar",
                document.location((*path, field)),
            )
            return
    if (
        when.start is not None
        and when.end is not None
        and _dates.earliest(when.start) > _dates.latest(when.end)
    ):
        yield rules.finding(
            rules.INVERTED_RANGE,
            f"the period starts ({when.start}) after it ends ({when.end})",
            document.location((*path, "start")),
        )


def _quantity_findings(
    document: LoadedDocument, quantity: Quantity, path: Path
) -> Iterator[Finding]:
    pairs = (("low", "high"), ("lower_bound", "upper_bound"))
    for low_name, high_name in pairs:
        low, high = getattr(quantity, low_name), getattr(quantity, high_name)
        if low is not None and high is not None and low > high:
            yield rules.finding(
                rules.INVERTED_RANGE,
                f"{low_name} ({_show(low)}) is greater than {high_name} ({_show(high)})",
                document.location((*path, low_name)),
            )


def _timestamps(record: Any, path: Path) -> Iterator[tuple[str, Path]]:
    provenance = getattr(record, "provenance", None)
    if provenance is None:
        return
    for field in ("recorded_at", "reviewed_at", "verified_at"):
        value = getattr(provenance, field)
        if value is not None:
            yield value, (*path, "provenance", field)


def _invalid_dates(document: LoadedDocument, dated: list[tuple[str, Path]]) -> Iterator[Finding]:
    for value, path in dated:
        if not _dates.is_real_date(value):
            yield rules.finding(
                rules.INVALID_DATE,
                f"{value!r} is not a date in the calendar",
                document.location(path),
            )


def _file_dates(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    dated: list[tuple[str, Path]] = list(_timestamps(claim_file.document, ("document",)))
    if claim_file.document.published is not None:
        yield from _when_findings(
            document, claim_file.document.published, ("document", "published")
        )
    for index, source in enumerate(claim_file.sources):
        path: Path = ("sources", index)
        dated.extend(_timestamps(source, path))
        for field in ("issued", "accessed"):
            value = getattr(source, field)
            if value is not None:
                dated.append((value, (*path, field)))
    yield from _invalid_dates(document, dated)


def _claim_dates(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    dated: list[tuple[str, Path]] = []
    for index, claim in enumerate(claim_file.claims):
        path: Path = ("claims", index)
        dated.extend(_timestamps(claim, path))
        for number, citation in enumerate(claim.citations):
            dated.extend(_timestamps(citation, (*path, "citations", number)))
        for number, when in enumerate(claim.dates):
            yield from _when_findings(document, when, (*path, "dates", number))
        for number, quantity in enumerate(claim.quantities):
            yield from _quantity_findings(document, quantity, (*path, "quantities", number))
    yield from _invalid_dates(document, dated)


def anchor_text(claim_file: ClaimFile, snapshot: SnapshotText | None) -> str | None:
    """The normalised snapshot text the anchors are checked against, or None when there is
    no snapshot or it cannot be used (outside the project, unreadable)."""
    if claim_file.document.snapshot is None or snapshot is None or snapshot.outside_project:
        return None
    return None if snapshot.text is None else normalize(snapshot.text)


def snapshot_findings(
    document: LoadedDocument, claim_file: ClaimFile, snapshot: SnapshotText | None
) -> Iterator[Finding]:
    """Errors of the recorded snapshot (unreadable, outside the project, hash) and of every
    anchor against it."""
    yield from _snapshot_problems(document, claim_file, snapshot)
    text = anchor_text(claim_file, snapshot)
    if text is not None:
        yield from anchor_findings(document, claim_file, text)


def _snapshot_problems(
    document: LoadedDocument, claim_file: ClaimFile, snapshot: SnapshotText | None
) -> Iterator[Finding]:
    """Errors of the recorded snapshot itself: outside the project, unreadable, or with
    another hash than recorded."""
    recorded = claim_file.document.snapshot
    if recorded is None or snapshot is None:
        return
    where = ("document", "snapshot", "path")
    if snapshot.outside_project:
        yield rules.finding(
            rules.SNAPSHOT_OUTSIDE,
            f"the snapshot path {recorded.path!r} leaves the project folder",
            document.location(where),
        )
    elif snapshot.text is None:
        yield rules.finding(
            rules.SNAPSHOT_UNREADABLE,
            f"cannot read the snapshot {recorded.path!r}: {snapshot.problem}",
            document.location(where),
        )
    elif snapshot.sha256 != recorded.sha256:
        yield rules.finding(
            rules.SNAPSHOT_HASH,
            f"the snapshot {recorded.path!r} has SHA-256 {snapshot.sha256}, not the"
            f" {recorded.sha256} recorded",
            document.location(("document", "snapshot", "sha256")),
            hint="If you edited the snapshot on purpose, record its hash with `claimtrack"
            " anchor --rehash`; if the document changed, re-anchor the claims (`claimtrack"
            " anchor --rebase NEW`); if neither, restore the original snapshot.",
        )


def anchor_findings(
    document: LoadedDocument, claim_file: ClaimFile, text: str
) -> Iterator[Finding]:
    """Errors of every claim's anchor against normalised ``text``."""
    for index, claim in enumerate(claim_file.claims):
        yield from _anchor_findings(document, text, claim, ("claims", index, "anchor"))


def _offsets_hold(text: str, anchor: Anchor) -> bool:
    """Whether the anchor's offsets select its quote and its context fits: then it is placed
    (offsets pick one occurrence), whatever else the text holds."""
    start, end = anchor.start, anchor.end
    if start is None or end is None or text[start:end] != anchor.exact:
        return False
    return fits_context(text, Match(start, end), anchor)


def _anchor_findings(
    document: LoadedDocument, text: str, claim: Claim, path: Path
) -> Iterator[Finding]:
    anchor = claim.anchor
    if _offsets_hold(text, anchor):
        return  # the common case, decided without scanning the whole text
    placement = place(text, anchor)
    status = placement.status
    if status is PlacementStatus.FOUND:
        return
    quote = _show(anchor.exact, 50)
    if status is PlacementStatus.NOT_FOUND:
        candidate = nearest(text, anchor)
        closest = ""
        hint = None
        if candidate is not None:
            where = candidate.match
            line = text.count("\n", 0, where.start) + 1
            column = where.start - (text.rfind("\n", 0, where.start) + 1) + 1
            closest = (
                f"; the closest passage, {candidate.quote_similarity:.0%} alike, is"
                f" {_show(text[where.start : where.end], 50)} at offset {where.start}"
                f" (snapshot line {line}, column {column})"
            )
            hint = (
                "If the document was edited, run 'claimtrack anchor --rebase SNAPSHOT' to"
                " move the anchors; otherwise copy the quote exactly from the snapshot."
            )
        yield rules.finding(
            rules.ANCHOR_NOT_FOUND,
            f"the quote {quote} of claim {claim.id!r} does not occur in the snapshot{closest}",
            document.location((*path, "exact")),
            hint=hint,
        )
    elif status is PlacementStatus.AMBIGUOUS:
        starts = ", ".join(str(match.start) for match in placement.occurrences[:5])
        yield rules.finding(
            rules.ANCHOR_AMBIGUOUS,
            f"the quote {quote} of claim {claim.id!r} occurs {len(placement.occurrences)}"
            f" times in the snapshot (at offsets {starts})",
            document.location((*path, "exact")),
        )
    elif status is PlacementStatus.OFFSET_MISMATCH:
        actual = placement.occurrences
        hint = (
            f"The quote stands at start: {actual[0].start}, end: {actual[0].end}."
            if len(actual) == 1
            else None
        )
        field = "start" if anchor.start is not None else "end"
        yield rules.finding(
            rules.ANCHOR_OFFSETS,
            f"the offsets of claim {claim.id!r} ({anchor.start}–{anchor.end}) do not select"
            f" its quote {quote}",
            document.location((*path, field)),
            hint=hint,
        )
    else:
        field = "prefix" if anchor.prefix is not None else "suffix"
        yield rules.finding(
            rules.ANCHOR_CONTEXT,
            f"the {field} of claim {claim.id!r} does not surround its quote {quote} in the"
            " snapshot",
            document.location((*path, field)),
        )
