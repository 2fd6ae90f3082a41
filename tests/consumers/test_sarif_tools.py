"""sarif-tools loads the SARIF log of a check and counts its results by severity as the
check found them."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from sarif import loader

from claimtrack.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]


class TestSarifTools:
    def test_loads_the_log(self, tmp_path: Path) -> None:
        """Every finding of the article record is a result sarif-tools reads, with its rule,
        file, line and level."""
        target = tmp_path / "claims.sarif"
        claims = ROOT / "claims"
        result = CliRunner().invoke(
            cli,
            ["check", "--no-cache", "--no-baseline", "-f", "sarif", "-o", str(target), str(claims)],
        )
        assert result.exit_code == 1, result.stderr
        log = loader.load_sarif_file(str(target))
        report = log.get_report()
        records = log.get_records()
        assert log.get_result_count() == len(records) > 0
        counted = sum(report.get_issue_count_for_severity(level) for level in log.get_severities())
        assert counted == len(records)
        assert {record["Tool"] for record in records} == {"claimtrack"}
        assert all(record["Code"][0] in "EF" and record["Line"] >= 1 for record in records)
        assert all(record["Location"].endswith("assad-fall-iran-syria.yaml") for record in records)
