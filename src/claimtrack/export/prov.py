"""The provenance of claim records as W3C PROV-JSON.

Entities: the document, its snapshot (a specialisation of the document: its text at one
time), each claim (derived from the document as a ``prov:Quotation``; its value is the quoted
text) and each source (primary sources typed ``claimtrack:PrimarySource`` and, where a claim
rests on them, linked by a ``prov:PrimarySource`` derivation). Agents: the document's authors,
the people and teams who recorded, reviewed and verified records, and the tools that drafted
them (``prov:SoftwareAgent``). Activities: recording, reviewing and verifying each record,
associated with their agents; verifying a claim ``used`` the sources it cites.

Times go to ``prov:time`` / ``prov:startTime`` only when they are full date-times with a UTC
offset, as PROV requires; a bare date stays an ``xsd:date`` attribute.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from claimtrack.export._common import is_datetime, json_text
from claimtrack.model import Claim, ClaimFile, Provenance, Source, Stance
from claimtrack.render.report._links import safe_url
from claimtrack.render.report.model import Report

__all__ = ["PREFIXES", "prov_document", "render_prov"]

PREFIXES = {
    "claimtrack": "urn:claimtrack:vocab#",
    "ct": "urn:claimtrack:record:",
    "agent": "urn:claimtrack:agent:",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "schema": "https://schema.org/",
}

_SLUG = re.compile(r"[^a-z0-9]+")


def _qname(value: str) -> dict[str, str]:
    return {"$": value, "type": "prov:QUALIFIED_NAME"}


def _typed(value: str, kind: str) -> dict[str, str]:
    return {"$": value, "type": kind}


class _Builder:
    """Collects PROV records, minting stable ids."""

    def __init__(self) -> None:
        self.data: dict[str, dict[str, dict[str, Any]]] = {}
        self.agents: dict[str, str] = {}
        self.counter = 0

    def add(self, kind: str, key: str, attributes: dict[str, Any]) -> str:
        self.data.setdefault(kind, {})[key] = attributes
        return key

    def relation(self, kind: str, attributes: dict[str, Any]) -> None:
        self.counter += 1
        self.add(kind, f"_:{kind}{self.counter}", attributes)

    def agent(self, name: str, *, software: bool = False) -> str:
        key = ("tool:" if software else "") + name
        if key in self.agents:
            return self.agents[key]
        slug = _SLUG.sub("-", name.casefold()).strip("-") or "agent"
        base = f"agent:{'tool-' if software else ''}{slug}"
        qname, n = base, 1
        while qname in self.agents.values():
            n += 1
            qname = f"{base}-{n}"
        self.agents[key] = qname
        attributes: dict[str, Any] = {"prov:label": name}
        if software:
            attributes["prov:type"] = _qname("prov:SoftwareAgent")
        self.add("agent", qname, attributes)
        return qname


def _time(attributes: dict[str, Any], key: str, value: str | None) -> None:
    """Put a time in ``key`` when it is a full date-time, else as a typed claimtrack attribute."""
    if value is None:
        return
    if is_datetime(value):
        attributes[key] = value
    else:
        kind = "xsd:dateTime" if "T" in value else "xsd:date"
        attributes["claimtrack:" + key.split(":", 1)[1]] = _typed(value, kind)


def _activities(build: _Builder, entity: str, provenance: Provenance | None) -> Iterator[str]:
    """Recording, reviewing and verifying ``entity``; yields the verifying activity if any."""
    if provenance is None:
        return
    steps = (
        ("record", provenance.recorded_by, provenance.recorded_at),
        ("review", provenance.reviewed_by, provenance.reviewed_at),
        ("verify", provenance.verified_by, provenance.verified_at),
    )
    for step, who, when in steps:
        tool = provenance.tool if step == "record" else None
        if (
            who is None
            and when is None
            and tool is None
            and not (step == "record" and provenance.method)
        ):
            continue
        activity = f"{entity}.{step}"
        attributes: dict[str, Any] = {"prov:type": _qname(f"claimtrack:{step.capitalize()}")}
        if step == "record" and provenance.method is not None:
            attributes["claimtrack:method"] = str(provenance.method)
        _time(attributes, "prov:endTime", when)
        build.add("activity", activity, attributes)
        if step == "record":
            generation: dict[str, Any] = {"prov:entity": entity, "prov:activity": activity}
            _time(generation, "prov:time", when)
            build.relation("wasGeneratedBy", generation)
        else:
            build.relation("used", {"prov:entity": entity, "prov:activity": activity})
        if who is not None:
            agent = build.agent(who)
            build.relation("wasAssociatedWith", {"prov:activity": activity, "prov:agent": agent})
            if step == "record":
                build.relation("wasAttributedTo", {"prov:entity": entity, "prov:agent": agent})
        if tool is not None:
            label = f"{tool} {provenance.tool_version}" if provenance.tool_version else tool
            software = build.agent(label, software=True)
            build.relation("wasAssociatedWith", {"prov:activity": activity, "prov:agent": software})
        if step == "verify":
            yield activity


def _source(build: _Builder, prefix: str, source: Source) -> str:
    entity = f"{prefix}.source.{source.id}"
    attributes: dict[str, Any] = {
        "prov:label": source.title,
        "claimtrack:sourceType": str(source.type),
    }
    if source.primary:
        attributes["prov:type"] = _qname("claimtrack:PrimarySource")
    url = safe_url(source.url)
    if url:
        attributes["schema:url"] = _typed(url, "xsd:anyURI")
    if source.issued:
        attributes["claimtrack:issued"] = source.issued
    if source.reliability is not None:
        attributes["claimtrack:reliability"] = str(source.reliability)
    build.add("entity", entity, attributes)
    for name in source.authors:
        build.relation(
            "wasAttributedTo", {"prov:entity": entity, "prov:agent": build.agent(name.display())}
        )
    list(_activities(build, entity, source.provenance))
    return entity


def _claim(
    build: _Builder,
    prefix: str,
    document: str,
    claim: Claim,
    sources: dict[str, tuple[str, Source]],
) -> None:
    entity = f"{prefix}.claim.{claim.id}"
    build.add(
        "entity",
        entity,
        {
            "prov:type": _qname("claimtrack:Claim"),
            "prov:label": claim.text,
            "prov:value": claim.anchor.exact,
            "claimtrack:status": str(claim.status),
            "claimtrack:kind": str(claim.kind),
        },
    )
    build.relation(
        "wasDerivedFrom",
        {
            "prov:generatedEntity": entity,
            "prov:usedEntity": document,
            "prov:type": _qname("prov:Quotation"),
        },
    )
    verifications = list(_activities(build, entity, claim.provenance))
    for citation in claim.citations:
        if citation.source not in sources:
            continue
        source_entity, source = sources[citation.source]
        influence: dict[str, Any] = {
            "prov:influencee": entity,
            "prov:influencer": source_entity,
            "claimtrack:stance": str(citation.stance),
            "claimtrack:backs": str(citation.backs),
        }
        if citation.locator:
            influence["claimtrack:locator"] = citation.locator
        build.relation("wasInfluencedBy", influence)
        if source.primary and citation.stance is Stance.SUPPORTS:
            build.relation(
                "wasDerivedFrom",
                {
                    "prov:generatedEntity": entity,
                    "prov:usedEntity": source_entity,
                    "prov:type": _qname("prov:PrimarySource"),
                },
            )
        for activity in verifications:
            build.relation("used", {"prov:entity": source_entity, "prov:activity": activity})


def _claim_file(build: _Builder, claim_file: ClaimFile) -> None:
    document = claim_file.document
    prefix = f"ct:{document.id}"
    entity = f"{prefix}.document"
    attributes: dict[str, Any] = {
        "prov:type": _qname("claimtrack:Document"),
        "prov:label": document.title,
    }
    url = safe_url(document.url)
    if url:
        attributes["schema:url"] = _typed(url, "xsd:anyURI")
    build.add("entity", entity, attributes)
    for name in document.authors:
        build.relation(
            "wasAttributedTo", {"prov:entity": entity, "prov:agent": build.agent(name.display())}
        )
    list(_activities(build, entity, document.provenance))
    if document.snapshot is not None:
        snapshot = f"{prefix}.snapshot"
        build.add(
            "entity",
            snapshot,
            {
                "prov:type": _qname("claimtrack:Snapshot"),
                "prov:label": f"Text snapshot of {document.title}",
                "claimtrack:path": document.snapshot.path,
                "claimtrack:sha256": document.snapshot.sha256,
            },
        )
        build.relation(
            "specializationOf", {"prov:specificEntity": snapshot, "prov:generalEntity": entity}
        )
    sources = {source.id: (_source(build, prefix, source), source) for source in claim_file.sources}
    for claim in claim_file.claims:
        _claim(build, prefix, entity, claim, sources)


def prov_document(report: Report) -> dict[str, Any]:
    """The provenance of every loaded claim file as one PROV-JSON document."""
    build = _Builder()
    for doc in report.documents:
        if doc.claim_file is not None:
            _claim_file(build, doc.claim_file)
    return {"prefix": dict(PREFIXES), **build.data}


def render_prov(report: Report) -> str:
    """The PROV-JSON document as text."""
    return json_text(prov_document(report))
