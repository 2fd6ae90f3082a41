"""The numbered bibliography: sources in order of first use, each in one citation style.

The style (author or issuing body, title, container, publisher, date, type, URL, accessed
date, archived copy) is decided here once, as a list of parts; renderers only escape the text
and turn the URL parts into links.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from claimtrack.model import Claim, Source, SourceType
from claimtrack.render.links import safe_url

__all__ = ["BibEntry", "Part", "number_sources", "reference_parts", "type_label"]

_TYPE_LABELS = {
    SourceType.ARTICLE: "article",
    SourceType.ARTICLE_JOURNAL: "journal article",
    SourceType.ARTICLE_MAGAZINE: "magazine article",
    SourceType.ARTICLE_NEWSPAPER: "newspaper article",
    SourceType.BOOK: "book",
    SourceType.BROADCAST: "broadcast",
    SourceType.CHAPTER: "book chapter",
    SourceType.DATASET: "dataset",
    SourceType.DOCUMENT: "document",
    SourceType.ENTRY_ENCYCLOPEDIA: "encyclopedia entry",
    SourceType.INTERVIEW: "interview",
    SourceType.LEGISLATION: "legislation",
    SourceType.POST: "post",
    SourceType.POST_WEBLOG: "blog post",
    SourceType.REPORT: "report",
    SourceType.SPEECH: "speech",
    SourceType.TREATY: "treaty",
    SourceType.WEBPAGE: "web page",
}


@attrs.frozen
class Part:
    """A piece of a formatted reference: text, and the URL it links to when it is a link."""

    text: str
    url: str | None = None


@attrs.frozen(kw_only=True)
class BibEntry:
    """One numbered source of the bibliography."""

    number: int
    source: Source
    cited: bool
    parts: tuple[Part, ...]


def type_label(source_type: SourceType) -> str:
    """The source type in words ("newspaper article")."""
    return _TYPE_LABELS.get(source_type, str(source_type))


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def reference_parts(source: Source) -> tuple[Part, ...]:
    """The source as a reference in claimtrack's one citation style, in parts."""
    parts: list[Part] = []
    names = "; ".join(name.display() for name in source.authors)
    lead = names or source.publisher
    if lead:
        parts.append(Part(_sentence(lead)))
    parts.append(Part(_sentence(source.title)))
    if source.container_title:
        parts.append(Part(_sentence(source.container_title)))
    if source.publisher and names:
        parts.append(Part(_sentence(source.publisher)))
    parts.append(Part(f"{source.issued or 'Undated'}."))
    parts.append(Part(f"[{type_label(source.type)}]"))
    if source.doi:
        parts.append(Part(f"doi:{source.doi}."))
    url = safe_url(source.url)
    if url:
        parts.append(Part(url, url))
    if source.accessed:
        parts.append(Part(f"Accessed {source.accessed}."))
    archive = safe_url(source.archive_url)
    if archive:
        parts.append(Part("Archived copy:"))
        parts.append(Part(archive, archive))
    snapshot = source.snapshot
    if snapshot is not None:
        when = f" of {snapshot.retrieved[:10]}" if snapshot.retrieved else ""
        parts.append(Part(f"Snapshot{when} ({snapshot.coverage}): {snapshot.path}."))
    return tuple(parts)


def number_sources(sources: Iterable[Source], claims: Iterable[Claim]) -> tuple[BibEntry, ...]:
    """Number the sources in order of first citation; sources nothing cites follow, in file
    order, marked as not cited. Citations of unknown sources are skipped (validation reports
    them)."""
    by_id: dict[str, Source] = {}
    for source in sources:
        by_id.setdefault(source.id, source)
    order: list[str] = []
    for claim in claims:
        for citation in claim.citations:
            if citation.source in by_id and citation.source not in order:
                order.append(citation.source)
    cited = set(order)
    order.extend(source_id for source_id in by_id if source_id not in cited)
    return tuple(
        BibEntry(
            number=number,
            source=by_id[source_id],
            cited=source_id in cited,
            parts=reference_parts(by_id[source_id]),
        )
        for number, source_id in enumerate(order, start=1)
    )
