"""The ``prov`` package reads the PROV-JSON export and round-trips it through PROV-JSON and
PROV-XML unchanged."""

from __future__ import annotations

import json

from prov.model import ProvDocument

from claimtrack.export.prov import prov_document
from claimtrack.render.report import Report


class TestProv:
    def test_reads_and_round_trips(self, claims_report: Report) -> None:
        """Every record of the export is read, and JSON and XML round trips give the same
        document."""
        data = prov_document(claims_report)
        document = ProvDocument.deserialize(content=json.dumps(data), format="json")
        records = list(document.get_records())
        written = sum(
            len(records_of_kind) for key, records_of_kind in data.items() if key != "prefix"
        )
        assert len(records) == written > 0
        again = ProvDocument.deserialize(content=document.serialize(format="json"), format="json")
        assert again == document
        xml = ProvDocument.deserialize(content=document.serialize(format="xml"), format="xml")
        assert xml == document
        assert "wasDerivedFrom(" in document.get_provn()
