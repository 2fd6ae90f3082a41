"""What ``claimtrack anchor`` does to one claim file: verify, fill or rebase its anchors and
work out the lossless rewrite, without writing; :func:`apply_plans` then writes.

Planning reads everything first (claim files, old and new snapshots), so several claim files
that share a snapshot are all rebased from the same old text.

With ``rebase``, the new snapshot's bytes are copied over the recorded snapshot path (the
claim file keeps pointing where it did; version control keeps the old text), and the
recorded SHA-256 is updated only when no anchor is left orphaned, or the orphans are
accepted explicitly. Until then the hash mismatch (E212) and the orphans' E220 keep the
unfinished rebase visible to ``claimtrack check``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from enum import StrEnum
from pathlib import Path

import attrs

from claimtrack import rules
from claimtrack._api import to_model
from claimtrack.anchor import FillStatus, RebaseStatus, fill, normalize, rebase_all
from claimtrack.errors import ClaimtrackError, FileChangedError, LoadError
from claimtrack.findings import Finding, Location
from claimtrack.io.atomic import replace_if_unchanged, write_atomic
from claimtrack.io.load import Limits, LoadedDocument, load_path
from claimtrack.io.reasons import read_failure
from claimtrack.io.regular import holds, read_regular
from claimtrack.io.roundtrip import REMOVE, Change, RewriteError, Writer, rewrite
from claimtrack.io.snapshot import find_project_root, read_snapshot
from claimtrack.model import Anchor, ClaimFile, Snapshot
from claimtrack.validate import anchor_findings, snapshot_findings

__all__ = [
    "AnchorPlan",
    "AnchorSettings",
    "ClaimOutcome",
    "Outcome",
    "SnapshotCopy",
    "apply_plans",
    "plan_anchors",
]

_ANCHOR_FIELDS = ("exact", "prefix", "suffix", "start", "end")


@attrs.frozen(kw_only=True)
class AnchorSettings:
    """What to do: verify only (the default), ``fill``, or ``rebase`` onto a new snapshot.

    ``document`` names the text to use instead of the recorded snapshot (the old text, when
    rebasing); ``accept_orphans`` records the new hash even if some anchors are orphaned;
    ``rehash`` records the snapshot's current hash after an intended edit of it.
    """

    fill: bool = False
    rebase: Path | None = None
    document: Path | None = None
    accept_orphans: bool = False
    rehash: bool = False
    project_root: Path | None = None
    limits: Limits = attrs.field(factory=Limits)


class Outcome(StrEnum):
    """What happened to one claim's anchor."""

    VERIFIED = "verified"
    FILLED = "filled"
    UNCHANGED = "unchanged"
    MOVED = "moved"
    ORPHANED = "orphaned"
    UNPLACEABLE = "unplaceable"


@attrs.frozen(kw_only=True)
class ClaimOutcome:
    """One claim's anchor before and after, with the rebase score and why it failed."""

    claim_id: str
    location: Location
    outcome: Outcome
    old: Anchor
    new: Anchor
    score: float | None = None
    reason: str | None = None


@attrs.frozen
class SnapshotCopy:
    """New snapshot bytes to copy over the recorded snapshot file (``shown`` is its path as
    the claim file records it)."""

    target: Path
    data: bytes
    shown: str


@attrs.frozen(kw_only=True)
class AnchorPlan:
    """Everything ``claimtrack anchor`` found and would change in one claim file.

    ``error`` is a problem that stopped the file being processed (unreadable, no text to
    anchor against); ``findings`` are anchor and snapshot errors; ``text`` is the rewritten
    file (equal to ``original_text`` when nothing changes); ``from_anchors_only`` says a
    rebase had no trustworthy old text (the snapshot no longer matched its hash) and used
    the anchors' own quote, context and offsets.
    """

    path: str
    file_path: Path | None = None
    error: str | None = None
    findings: tuple[Finding, ...] = ()
    outcomes: tuple[ClaimOutcome, ...] = ()
    original: bytes = b""
    original_text: str = ""
    text: str = ""
    method: Writer = Writer.NONE
    snapshot_copy: SnapshotCopy | None = None
    hash_updated: bool = False
    from_anchors_only: bool = False

    @property
    def changed(self) -> bool:
        """Whether the claim file would be rewritten."""
        return self.text != self.original_text

    @property
    def orphans(self) -> tuple[ClaimOutcome, ...]:
        """The claims whose anchors could not be placed."""
        bad = (Outcome.ORPHANED, Outcome.UNPLACEABLE)
        return tuple(outcome for outcome in self.outcomes if outcome.outcome in bad)

    @property
    def has_problems(self) -> bool:
        """Whether anything is left for a person to fix (findings or orphans)."""
        return bool(self.findings or self.orphans)


def _read_text(path: Path, limit: int) -> tuple[bytes, str]:
    # Only a regular file, and never more than the input limit (OSError or ValueError).
    data = read_regular(path, limit)
    return data, data.decode("utf-8").removeprefix("\ufeff")


def _anchor_changes(index: int, old: Anchor, new: Anchor) -> list[Change]:
    changes = []
    for field in _ANCHOR_FIELDS:
        before, after = getattr(old, field), getattr(new, field)
        if before != after:
            value = REMOVE if after is None else after
            changes.append(Change(("claims", index, "anchor", field), value))
    return changes


def _why(error: OSError | ValueError) -> str:
    """Why a read or write failed, in words: claimtrack's own errors say it themselves, and a
    system error is its reason without the errno."""
    if isinstance(error, UnicodeDecodeError) or (
        isinstance(error, OSError) and not isinstance(error, ClaimtrackError) and error.errno
    ):
        return read_failure(error)
    return str(error)


def _error(name: str, message: str) -> AnchorPlan:
    return AnchorPlan(path=name, error=message)


def plan_anchors(path: str | Path, settings: AnchorSettings) -> AnchorPlan:
    """Verify, fill or rebase the anchors of the claim file at ``path``; nothing is written."""
    name = Path(path).as_posix()
    try:
        document = load_path(path, name=name, limits=settings.limits)
        claim_file = to_model(document)
    except LoadError as error:
        unreadable = any(finding.code == rules.UNREADABLE.code for finding in error.findings)
        return AnchorPlan(
            path=name, findings=error.findings, error=str(error) if unreadable else None
        )
    file_path = document.file_path or Path(path)
    try:
        original = read_regular(file_path, settings.limits.max_bytes)  # as load_path read it
    except (OSError, ValueError) as error:
        return _error(name, f"cannot read the file: {_why(error)}")
    base = file_path.parent
    recorded = claim_file.document.snapshot
    root = settings.project_root or find_project_root(base)
    try:
        if settings.document is not None:
            current = _read_text(settings.document, settings.limits.max_bytes)[1]
            findings: list[Finding] = list(
                anchor_findings(document, claim_file, normalize(current))
            )
            stale = False
        elif recorded is not None:
            snapshot = read_snapshot(recorded.path, base, root, max_bytes=settings.limits.max_bytes)
            findings = list(snapshot_findings(document, claim_file, snapshot))
            if snapshot.text is None:
                return attrs.evolve(
                    _error(name, f"cannot read the snapshot {recorded.path!r}: {snapshot.problem}"),
                    findings=tuple(findings),
                )
            current = snapshot.text
            stale = snapshot.sha256 != recorded.sha256
        else:
            return _error(
                name, "no snapshot is recorded in the file: give the text with --document FILE"
            )
    except (OSError, ValueError) as error:
        return _error(name, f"cannot read {settings.document}: {_why(error)}")
    common = AnchorPlan(
        path=name,
        file_path=file_path,
        original=original,
        original_text=document.text,
        text=document.text,
    )
    if settings.rehash and recorded is not None and settings.document is None:
        current_sha256 = snapshot.sha256 or ""  # read above, or the file was not planned
        return plan_rehash(document, claim_file, recorded, current_sha256, findings, common)
    if settings.rebase is not None:
        return _plan_rebase(document, claim_file, current, stale, settings, common)
    if settings.fill and not any(f.code == rules.SNAPSHOT_HASH.code for f in findings):
        return _plan_fill(document, claim_file, current, findings, common)
    outcomes = _verified(document, claim_file, findings)
    return attrs.evolve(common, findings=tuple(findings), outcomes=outcomes)


def _verified(
    document: LoadedDocument, claim_file: ClaimFile, findings: Sequence[Finding]
) -> tuple[ClaimOutcome, ...]:
    failing = {finding.location.claim_id for finding in findings}
    return tuple(
        ClaimOutcome(
            claim_id=claim.id,
            location=document.location(("claims", index, "anchor", "exact")),
            outcome=Outcome.UNPLACEABLE if claim.id in failing else Outcome.VERIFIED,
            old=claim.anchor,
            new=claim.anchor,
        )
        for index, claim in enumerate(claim_file.claims)
    )


def _finish(document: LoadedDocument, changes: list[Change], plan: AnchorPlan) -> AnchorPlan:
    try:
        result = rewrite(document, changes)
    except RewriteError as error:
        return attrs.evolve(plan, error=str(error))
    return attrs.evolve(plan, text=result.text, method=result.method)


def _plan_fill(
    document: LoadedDocument,
    claim_file: ClaimFile,
    text: str,
    findings: list[Finding],
    common: AnchorPlan,
) -> AnchorPlan:
    text = normalize(text)
    outcomes = []
    changes: list[Change] = []
    for index, claim in enumerate(claim_file.claims):
        result = fill(text, claim.anchor)
        outcome = {
            FillStatus.COMPLETE: Outcome.VERIFIED,
            FillStatus.FILLED: Outcome.FILLED,
            FillStatus.UNPLACEABLE: Outcome.UNPLACEABLE,
        }[result.status]
        changes.extend(_anchor_changes(index, claim.anchor, result.anchor))
        outcomes.append(
            ClaimOutcome(
                claim_id=claim.id,
                location=document.location(("claims", index, "anchor", "exact")),
                outcome=outcome,
                old=claim.anchor,
                new=result.anchor,
            )
        )
    placed = {o.claim_id for o in outcomes if o.outcome is not Outcome.UNPLACEABLE}
    left = tuple(f for f in findings if f.location.claim_id not in placed)
    return _finish(document, changes, attrs.evolve(common, findings=left, outcomes=tuple(outcomes)))


def _plan_rebase(
    document: LoadedDocument,
    claim_file: ClaimFile,
    current: str,
    stale: bool,
    settings: AnchorSettings,
    common: AnchorPlan,
) -> AnchorPlan:
    new_path = settings.rebase or Path()
    try:
        new_bytes, new_raw = _read_text(new_path, settings.limits.max_bytes)
    except (OSError, ValueError) as error:
        return _error(
            common.path,
            f"cannot read {new_path.as_posix()}: {_why(error)};"
            " --rebase takes the path of the article's new text",
        )
    new_text = normalize(new_raw)
    old_text = None if stale else normalize(current)
    outcomes = []
    changes: list[Change] = []
    results = rebase_all(old_text, new_text, [claim.anchor for claim in claim_file.claims])
    for index, (claim, result) in enumerate(zip(claim_file.claims, results, strict=True)):
        outcome = Outcome(result.status.value)
        if result.status is not RebaseStatus.ORPHANED:
            changes.extend(_anchor_changes(index, claim.anchor, result.anchor))
        outcomes.append(
            ClaimOutcome(
                claim_id=claim.id,
                location=document.location(("claims", index, "anchor", "exact")),
                outcome=outcome,
                old=claim.anchor,
                new=result.anchor,
                score=result.score if result.best is not None else None,
                reason=result.reason,
            )
        )
    orphaned = any(o.outcome is Outcome.ORPHANED for o in outcomes)
    recorded = claim_file.document.snapshot
    copy = None
    hash_updated = False
    if recorded is not None and settings.document is None and common.file_path is not None:
        target = (common.file_path.parent / recorded.path).resolve()
        if not holds(target, new_bytes):
            copy = SnapshotCopy(target, new_bytes, recorded.path)
        if not orphaned or settings.accept_orphans:
            digest = hashlib.sha256(new_bytes).hexdigest()
            changes.append(Change(("document", "snapshot", "sha256"), digest))
            hash_updated = digest != recorded.sha256
    plan = attrs.evolve(
        common,
        outcomes=tuple(outcomes),
        snapshot_copy=copy,
        hash_updated=hash_updated,
        from_anchors_only=old_text is None,
    )
    return _finish(document, changes, plan)


def apply_plans(
    plans: Iterable[AnchorPlan], *, force: bool = False
) -> list[tuple[AnchorPlan, str]]:
    """Write what the plans change: claim files first, each only if it still holds the bytes
    it was planned from, then the snapshot copies (each target once, and only when every
    claim file rebased onto it was written). Returns the plans that could not be written,
    with why; the others are written. Read-only files are refused unless ``force``.

    The order makes a rebase safe to interrupt: until its snapshot is replaced, the old text
    is still there. Interrupted in between, the claim file records the new hash over the old
    text (``check`` reports the mismatch), and running the same ``--rebase`` again completes
    the pair from the anchors the claim file already holds.
    """
    planned = list(plans)
    failed: list[tuple[AnchorPlan, str]] = []
    blocked: set[Path] = set()  # snapshots some claim file of which could not be written
    for plan in planned:
        if plan.error is not None:
            continue
        try:
            if plan.file_path is not None and not holds(plan.file_path, plan.original):
                raise FileChangedError(
                    f"{plan.path} changed since it was read; neither it nor its snapshot"
                    " was replaced"
                )
            if plan.changed and plan.file_path is not None:
                replace_if_unchanged(plan.file_path, plan.original, plan.text, force=force)
        except OSError as error:
            failed.append((plan, _why(error)))
            if plan.snapshot_copy is not None:
                blocked.add(plan.snapshot_copy.target)
    done = {id(plan) for plan, _why in failed}
    copied: set[Path] = set()
    for plan in planned:
        copy = plan.snapshot_copy
        if plan.error is not None or copy is None or id(plan) in done:
            continue
        if copy.target in copied or copy.target in blocked:
            continue
        try:
            write_atomic(copy.target, copy.data, force=force)
            copied.add(copy.target)
        except OSError as error:
            failed.append(
                (
                    plan,
                    f"{_why(error)}; the claim file already records the new text: run"
                    " the same --rebase again once the snapshot can be written",
                )
            )
    return failed


def plan_rehash(
    document: LoadedDocument,
    claim_file: ClaimFile,
    recorded: Snapshot,
    current_sha256: str,
    findings: Sequence[Finding],
    common: AnchorPlan,
) -> AnchorPlan:
    """``claimtrack anchor --rehash``: the plan that records ``current_sha256``, the snapshot
    file's hash as read now, after an intended edit of the snapshot (a typo fixed by hand).
    Only that one value is written, keeping the claim file's comments and layout; the
    hash-mismatch finding it resolves is dropped, and the anchors are verified against the
    edited text, so a quote the edit broke is reported rather than hidden by the new hash."""
    left = [finding for finding in findings if finding.code != rules.SNAPSHOT_HASH.code]
    plan = attrs.evolve(
        common,
        findings=tuple(left),
        outcomes=_verified(document, claim_file, left),
        hash_updated=current_sha256 != recorded.sha256,
    )
    if not plan.hash_updated:
        return plan
    return _finish(document, [Change(("document", "snapshot", "sha256"), current_sha256)], plan)
