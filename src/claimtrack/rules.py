"""The rule registry: one record per rule code, feeding findings, docs, SARIF and ``--help``.

Codes follow the style guide: ``E1xx`` unreadable or schema-invalid files, ``E2xx`` files that
contradict themselves or their snapshot, ``F0xx`` flags about suppressions themselves, ``F1xx``
claim sourcing flags, ``F2xx`` source-record flags (the flags are registered by
:mod:`claimtrack.lint`). A code is never reused for another meaning.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from claimtrack.findings import Finding, Location, Severity

__all__ = ["RULES", "RuleInfo", "finding", "iter_rules", "lookup_rule", "register"]


@attrs.frozen(kw_only=True)
class RuleInfo:
    """What a rule is: code, name, default severity, a summary, why it matters, examples."""

    code: str
    name: str
    severity: Severity
    summary: str
    rationale: str
    bad_example: str | None = None
    good_example: str | None = None
    hint: str | None = None


RULES: dict[str, RuleInfo] = {}
_BY_NAME: dict[str, RuleInfo] = {}


def register(rule: RuleInfo) -> RuleInfo:
    """Add a rule to the registry; a code or name may be registered once."""
    if rule.code in RULES or rule.name in _BY_NAME:
        raise ValueError(f"rule {rule.code} / {rule.name} is already registered")
    RULES[rule.code] = rule
    _BY_NAME[rule.name] = rule
    return rule


def lookup_rule(code_or_name: str) -> RuleInfo | None:
    """The rule with this code (``E203``) or name (``unknown-source``), if any."""
    return RULES.get(code_or_name) or _BY_NAME.get(code_or_name)


def iter_rules() -> Iterator[RuleInfo]:
    """Every registered rule, in code order."""
    for code in sorted(RULES):
        yield RULES[code]


def finding(rule: RuleInfo, message: str, location: Location, hint: str | None = None) -> Finding:
    """A finding of ``rule`` with its default severity and, unless given, its default hint."""
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        message=message,
        location=location,
        hint=hint if hint is not None else rule.hint,
    )


def _error(code: str, name: str, summary: str, rationale: str, hint: str) -> RuleInfo:
    return register(
        RuleInfo(
            code=code,
            name=name,
            severity=Severity.ERROR,
            summary=summary,
            rationale=rationale,
            hint=hint,
        )
    )


# --------------------------------------------------------------------------- E1xx: reading

UNREADABLE = _error(
    "E100",
    "unreadable",
    "The file cannot be read.",
    "A claim file that cannot be opened cannot be checked at all.",
    "Check that the file exists and is readable.",
)
INVALID_ENCODING = _error(
    "E101",
    "invalid-encoding",
    "The file is not UTF-8 text without a byte-order mark.",
    "Claim files are exchanged between tools and people; one encoding keeps offsets and "
    "quotes meaning the same thing everywhere.",
    "Save the file as UTF-8 without a byte-order mark.",
)
SYNTAX_ERROR = _error(
    "E102",
    "syntax-error",
    "The file is not well-formed YAML or JSON.",
    "Nothing can be checked until the file parses.",
    "Fix the syntax at the position given.",
)
DUPLICATE_KEY = _error(
    "E103",
    "duplicate-key",
    "A mapping has the same key twice.",
    "Most parsers silently keep the last value, so half of what was written is lost.",
    "Remove or rename one of the two keys.",
)
INPUT_LIMIT = _error(
    "E104",
    "input-limit",
    "The file is over a size, nesting-depth or alias-expansion limit.",
    "Limits keep a hostile file (a YAML 'billion laughs', say) from exhausting memory or time.",
    "Split the file, flatten the nesting, or remove the aliases.",
)
UNSUPPORTED_VALUE = _error(
    "E105",
    "unsupported-value",
    "The file holds a value JSON cannot: NaN, Infinity, a non-string key, a tagged value.",
    "Claim files must mean the same in YAML and JSON.",
    "Write the value as a plain string, number, boolean or null.",
)
NOT_A_CLAIM_FILE = _error(
    "E106",
    "not-a-claim-file",
    "The file is empty or its top level is not a mapping.",
    "A claim file is a mapping with 'version', 'document', 'sources' and 'claims'.",
    "Start the file with 'version: 1' and a 'document:' mapping.",
)
MISSING_FIELD = _error(
    "E110",
    "missing-field",
    "A required field is missing.",
    "The schema requires it; without it the record cannot be understood.",
    "Add the field named in the message.",
)
UNKNOWN_FIELD = _error(
    "E111",
    "unknown-field",
    "A field the schema does not define.",
    "An unknown field is usually a typo of a known one, and would be silently ignored.",
    "Rename it to a field of the schema or remove it.",
)
WRONG_TYPE = _error(
    "E112",
    "wrong-type",
    "A value has the wrong type (a string where a number belongs, say).",
    "Tools reading the file rely on each field's type.",
    "Write the value with the type the message names.",
)
INVALID_VALUE = _error(
    "E113",
    "invalid-value",
    "A value is outside what the schema allows (an unknown enum value, a bad pattern, a range).",
    "Enumerations and formats keep records comparable across files and people.",
    "Use one of the values the message names.",
)
INVALID_SHAPE = _error(
    "E114",
    "invalid-shape",
    "A record combines fields in a way the schema does not allow.",
    "Some fields exclude each other (a quantity is a value, a range or a bound, not several).",
    "Keep one of the alternatives the message names.",
)

# --------------------------------------------------------------------------- E2xx: integrity

DUPLICATE_ID = _error(
    "E201",
    "duplicate-id",
    "Two claims, or two sources, share an id.",
    "Citations, suppressions, baselines and reports refer to records by id.",
    "Give each claim and each source its own id.",
)
INVERTED_RANGE = _error(
    "E202",
    "inverted-range",
    "A range or period ends before it starts (low > high, start > end).",
    "An inverted range is always a typing mistake and makes comparisons meaningless.",
    "Swap the two ends.",
)
UNKNOWN_SOURCE = _error(
    "E203",
    "unknown-source",
    "A citation names a source id that the file does not define.",
    "A citation that points nowhere backs nothing.",
    "Add the source to 'sources' or correct the id.",
)
INVALID_DATE = _error(
    "E204",
    "invalid-date",
    "A date that does not exist in the calendar (2024-02-30).",
    "The schema checks the form of a date; only the calendar knows February has no 30th.",
    "Correct the date.",
)
SNAPSHOT_UNREADABLE = _error(
    "E210",
    "snapshot-unreadable",
    "The document snapshot cannot be read as UTF-8 text.",
    "Anchors are verified against the snapshot; without it they cannot be.",
    "Check 'document.snapshot.path' (relative to the claim file) and the file's encoding.",
)
SNAPSHOT_OUTSIDE = _error(
    "E211",
    "snapshot-outside-project",
    "The snapshot path leaves the project folder.",
    "A claim file must not make claimtrack read arbitrary files on the machine that checks it.",
    "Keep the snapshot inside the project and give its path relative to the claim file.",
)
SNAPSHOT_HASH = _error(
    "E212",
    "snapshot-hash-mismatch",
    "The snapshot's SHA-256 differs from the one recorded.",
    "The document changed after its claims were anchored; anchors may have drifted.",
    "After an intended edit, record the new hash with `claimtrack anchor --rehash`; if the"
    " document itself changed, move the anchors with `claimtrack anchor --rebase NEW`.",
)
ANCHOR_NOT_FOUND = _error(
    "E220",
    "anchor-not-found",
    "The anchor's exact quote does not occur in the snapshot.",
    "A claim that cannot be found in the document cannot be shown or checked in context.",
    "Copy the quote exactly from the snapshot (same quotes, dashes and spacing).",
)
ANCHOR_AMBIGUOUS = _error(
    "E221",
    "anchor-ambiguous",
    "The anchor's quote occurs several times and nothing says which is meant.",
    "A report would highlight the wrong passage.",
    "Add a 'prefix' or 'suffix', or 'start'/'end' offsets.",
)
ANCHOR_OFFSETS = _error(
    "E222",
    "anchor-offset-mismatch",
    "The anchor's offsets do not select its exact quote.",
    "Offsets and quote disagree: one of them is stale.",
    "Correct 'start' and 'end' to the quote's position, or remove them.",
)
ANCHOR_CONTEXT = _error(
    "E223",
    "anchor-context-mismatch",
    "The anchor's prefix or suffix does not surround its quote in the snapshot.",
    "The context was meant to pick one occurrence; if it matches none, it is stale.",
    "Correct the prefix/suffix to the text just before/after the quote.",
)
