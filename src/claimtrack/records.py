"""From a schema-valid document to its records, or to the findings that say why not."""

from __future__ import annotations

from cattrs.errors import BaseValidationError

from claimtrack import rules
from claimtrack._convert import iter_structure_errors, structure_valid
from claimtrack.findings import Finding
from claimtrack.io.load import LoadedDocument
from claimtrack.model import ClaimFile

__all__ = ["records_or_findings"]


def records_or_findings(document: LoadedDocument) -> ClaimFile | list[Finding]:
    """The records of a document the schema accepted, or E114 findings where they cannot be
    built (the schema and the model agree, as a property test shows, so these would be a
    defect of ours; still a finding with a location rather than a traceback)."""
    try:
        return structure_valid(document.data)
    except BaseValidationError as error:
        return [
            rules.finding(rules.INVALID_SHAPE, message, document.location(path))
            for path, message in iter_structure_errors(error)
        ]
