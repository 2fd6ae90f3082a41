"""E213, E214, F120–F123: source snapshots, quotes verified against them, figures the
source gives, and statuses no stronger than their evidence."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeAlias

from claimtrack import rules
from claimtrack.findings import Finding, Location
from claimtrack.io.cache import record_ids
from claimtrack.io.load import LoadedDocument
from claimtrack.io.source_snapshot import SourceReads, SourceText
from claimtrack.lint._claims import (
    Check,
    ClaimFacts,
    at_claim,
    backs_content,
    supports_content,
)
from claimtrack.lint.quantities import show_number
from claimtrack.lint.quote_flags import (
    FAILED_VERIFICATION,
    FIGURE_NOT_IN_SOURCE,
    QUOTE_LOOSE_MATCH,
    SOURCE_SNAPSHOT_CHANGED,
    SOURCE_SNAPSHOT_UNREADABLE,
    STATUS_BEYOND_EVIDENCE,
)
from claimtrack.lint.verify import (
    MatchKind,
    QuoteMatch,
    SnapshotIndex,
    difference,
    missing_figures,
    seek_quote,
    shorten,
)
from claimtrack.model import (
    AnalyticConfidence,
    Citation,
    Claim,
    ClaimFile,
    ClaimKind,
    Coverage,
    Likelihood,
    Stance,
    Status,
)
from claimtrack.rules import RuleInfo

__all__ = [
    "CHECKS",
    "SNAPSHOT_CHECKS",
    "SNAPSHOT_FILE_CHECKS",
    "SnapshotCheck",
    "SnapshotFileCheck",
    "cited_snapshot_problems",
    "cited_snapshots",
    "snapshot_problem",
    "uncited_snapshot_problems",
]


def cited_snapshots(claim_file: ClaimFile, reads: SourceReads) -> dict[str, SourceText]:
    """The snapshots of the sources ``claim_file``'s claims cite."""
    cited = {c.source for claim in claim_file.claims for c in claim.citations}
    sources = [s for s in claim_file.sources if s.id in cited and s.snapshot is not None]
    return reads.texts(sources) if sources else {}


def snapshot_problem(read: SourceText, sha256_at: Location, path_at: Location) -> Finding:
    """E214 at ``sha256_at`` for a snapshot whose bytes no longer hash as recorded, else
    E213 at ``path_at`` for one that cannot be read."""
    source = read.source
    if read.changed:
        return rules.finding(
            SOURCE_SNAPSHOT_CHANGED,
            f"the snapshot of source {source.id!r} ({read.read.path.name}) hashes to"
            f" {read.read.sha256}, not to the SHA-256 recorded",
            sha256_at,
        )
    return rules.finding(
        SOURCE_SNAPSHOT_UNREADABLE,
        f"the snapshot of source {source.id!r} cannot be read: {read.problem}",
        path_at,
    )


def _snapshot_problems(
    document: LoadedDocument, claim_file: ClaimFile, texts: dict[str, SourceText]
) -> Iterator[Finding]:
    """E213 and E214 for the snapshots in ``texts`` that cannot be used, of the file's own
    sources (a shared source's are reported once, at the library: see
    :func:`claimtrack.shared_sources.library_results`)."""
    own = _own_ids(document)
    for index, source in enumerate(claim_file.sources):
        read = texts.get(source.id)
        if read is None or read.problem is None or read.source is not source:
            continue
        if source.id not in own:
            continue
        where = ("sources", index, "snapshot")
        yield snapshot_problem(
            read, document.location((*where, "sha256")), document.location((*where, "path"))
        )


def _own_ids(document: LoadedDocument) -> frozenset[str | None]:
    """The ids of the sources the file defines itself (the others a claim file's checks see
    are shared sources of the library)."""
    return frozenset(record_ids(document.data, "sources"))


def cited_snapshot_problems(
    document: LoadedDocument, claim_file: ClaimFile, reads: SourceReads
) -> Iterator[Finding]:
    """E213 and E214 for the snapshots the claims cite (each window of claims reports those
    it cites; the same finding from two windows is kept once)."""
    yield from _snapshot_problems(document, claim_file, cited_snapshots(claim_file, reads))


def uncited_snapshot_problems(
    document: LoadedDocument, claim_file: ClaimFile, facts: ClaimFacts, reads: SourceReads
) -> Iterator[Finding]:
    """E213 and E214 for sources no claim cites (the claims' checks read the others, once)."""
    uncited = [s for s in claim_file.sources if s.snapshot is not None and s.id not in facts.cited]
    if uncited:
        yield from _snapshot_problems(document, claim_file, reads.texts(uncited))


def _excerpt_note(read: SourceText) -> str:
    snapshot = read.source.snapshot
    if snapshot is not None and snapshot.coverage is Coverage.EXCERPT:
        return " (the snapshot is only an excerpt: the quote may be in the rest of the source)"
    return ""


def _failed(claim: Claim, citation: Citation, match: QuoteMatch, read: SourceText) -> str:
    head = (
        f"the quote cited from source {citation.source!r} for claim {claim.id!r} is not in"
        f" its snapshot{_excerpt_note(read)}"
    )
    if match.passage is None:
        return head + "; nothing in it resembles the quote"
    return (
        f"{head}; the closest passage is {shorten(match.passage)!r} (similarity"
        f" {match.score:.2f}): {difference(citation.quote or '', match.passage)}"
    )


def _verified(
    document: LoadedDocument, claim_file: ClaimFile, texts: dict[str, SourceText]
) -> Iterator[tuple[int, Claim, int, Citation, QuoteMatch, SourceText, SnapshotIndex]]:
    """Every citation with a quote whose source has a usable snapshot, with its match and
    the prepared snapshot (whose normalised text the match's offsets count)."""
    indexes: dict[str, SnapshotIndex] = {}
    for index, claim in enumerate(claim_file.claims):
        for number, citation in enumerate(claim.citations):
            read = texts.get(citation.source)
            if citation.quote is None or read is None or read.text is None:
                continue
            prepared = indexes.get(citation.source)
            if prepared is None:
                prepared = indexes[citation.source] = SnapshotIndex(read.text)
            match = seek_quote(prepared, citation.quote)
            yield index, claim, number, citation, match, read, prepared


def _unverifiable(
    document: LoadedDocument, claim_file: ClaimFile, texts: dict[str, SourceText]
) -> Iterator[Finding]:
    """F120 for each quote cited from a shared source whose snapshot cannot be used: the
    library reports why (E213 or E214, once, at its record); the citing claim is told that
    its quote went unverified. (A claim file's own source says why in the file itself.)"""
    own = _own_ids(document)
    for index, claim in enumerate(claim_file.claims):
        for number, citation in enumerate(claim.citations):
            read = texts.get(citation.source)
            if citation.quote is None or read is None or citation.source in own:
                continue
            problem = read.problem
            if problem is None:
                continue
            why = "no longer hashes to the SHA-256 recorded" if read.changed else problem
            yield rules.finding(
                FAILED_VERIFICATION,
                f"the quote cited from shared source {citation.source!r} for claim"
                f" {claim.id!r} could not be verified: the snapshot could not be used"
                f" ({read.read.path.name}: {why})",
                document.location(("claims", index, "citations", number, "quote")),
                hint="Fix or restore the shared source's snapshot (a check of the source"
                " library's file reports it, with E213 or E214, at the source's record), or"
                " fetch the source again with 'claimtrack sources fetch' on that file.",
            )


def quote_verification(
    document: LoadedDocument, claim_file: ClaimFile, reads: SourceReads
) -> Iterator[Finding]:
    """F120, F121, F122, and F123 for supported claims whose content quotes all fail."""
    texts = cited_snapshots(claim_file, reads)
    if not texts:
        return
    yield from _unverifiable(document, claim_file, texts)
    failed_content: dict[int, int] = {}
    for index, claim, number, citation, match, read, prepared in _verified(
        document, claim_file, texts
    ):
        where = ("claims", index, "citations", number, "quote")
        if not match.verified:
            if citation.stance is Stance.SUPPORTS and backs_content(citation):
                failed_content[index] = failed_content.get(index, 0) + 1
            yield rules.finding(
                FAILED_VERIFICATION,
                _failed(claim, citation, match, read),
                document.location(where),
            )
            continue
        if match.kind is not MatchKind.EXACT:
            how = "after normalisation" if match.kind is MatchKind.NORMALISED else "fuzzily"
            yield rules.finding(
                QUOTE_LOOSE_MATCH,
                f"the quote cited from source {citation.source!r} for claim {claim.id!r}"
                f" matches its snapshot only {how} (similarity {match.score:.2f}):"
                f" {difference(citation.quote or '', match.passage or '')}",
                document.location(where),
            )
        if claim.quantities and citation.stance is Stance.SUPPORTS and backs_content(citation):
            missing = missing_figures(
                claim.quantities,
                citation.quote or "",
                prepared.figures,
                match.start or 0,
                match.end or 0,
            )
            if missing:
                shown = ", ".join(show_number(n) for n in missing)
                yield rules.finding(
                    FIGURE_NOT_IN_SOURCE,
                    f"claim {claim.id!r} states {shown}, but neither the quote cited from"
                    f" source {citation.source!r} nor its snapshot within"
                    f" the surrounding text gives that figure",
                    document.location(where),
                )
    for index, failures in sorted(failed_content.items()):
        claim = claim_file.claims[index]
        if claim.status is Status.SUPPORTED and failures == len(supports_content(claim)):
            yield rules.finding(
                STATUS_BEYOND_EVIDENCE,
                f"claim {claim.id!r} is marked supported, but every quote backing its content"
                " fails verification against its source",
                at_claim(document, index, "status"),
            )


def _weakness(claim: Claim) -> str | None:
    """Why a supported claim's own grading or citations say less than 'supported'."""
    confidence = claim.confidence
    if confidence is not None and confidence.likelihood is Likelihood.ROUGHLY_EVEN_CHANCE:
        return "graded roughly-even-chance"
    if confidence is not None and confidence.analytic is AnalyticConfidence.LOW:
        return "held with low analytic confidence"
    content = [c for c in claim.citations if backs_content(c) and c.stance is not Stance.DISPUTES]
    # Without any supporting citation F109 fires, and without content support F110 (quote
    # claims aside): this flag takes only the case they leave.
    if (
        claim.kind is ClaimKind.QUOTE
        and content
        and all(c.stance is Stance.MENTIONS for c in content)
        and any(c.stance is Stance.SUPPORTS for c in claim.citations)
    ):
        return "its content is backed only by citations that mention it"
    return None


def status_beyond_evidence(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    """F123 from the claim's own grading and citations."""
    for index, claim in enumerate(claim_file.claims):
        if claim.status is not Status.SUPPORTED:
            continue
        weakness = _weakness(claim)
        if weakness is not None:
            yield rules.finding(
                STATUS_BEYOND_EVIDENCE,
                f"claim {claim.id!r} is marked supported but is {weakness}"
                if not weakness.startswith("its")
                else f"claim {claim.id!r} is marked supported but {weakness}",
                at_claim(document, index, "status"),
            )


#: A check of each claim that reads source snapshots: as a :data:`~claimtrack.lint._claims.Check`,
#: with the reads of the file's check (so each snapshot is read and hashed once per check).
SnapshotCheck: TypeAlias = tuple[
    Callable[[LoadedDocument, ClaimFile, SourceReads], Iterator[Finding]], tuple[RuleInfo, ...]
]
#: A check of the file as a whole that reads source snapshots, as a ``FileCheck``.
SnapshotFileCheck: TypeAlias = tuple[
    Callable[[LoadedDocument, ClaimFile, ClaimFacts, SourceReads], Iterator[Finding]],
    tuple[RuleInfo, ...],
]

CHECKS: tuple[Check, ...] = ((status_beyond_evidence, (STATUS_BEYOND_EVIDENCE,)),)
SNAPSHOT_CHECKS: tuple[SnapshotCheck, ...] = (
    (
        quote_verification,
        (FAILED_VERIFICATION, QUOTE_LOOSE_MATCH, FIGURE_NOT_IN_SOURCE, STATUS_BEYOND_EVIDENCE),
    ),
    (cited_snapshot_problems, (SOURCE_SNAPSHOT_UNREADABLE, SOURCE_SNAPSHOT_CHANGED)),
)
SNAPSHOT_FILE_CHECKS: tuple[SnapshotFileCheck, ...] = (
    (uncited_snapshot_problems, (SOURCE_SNAPSHOT_UNREADABLE, SOURCE_SNAPSHOT_CHANGED)),
)
