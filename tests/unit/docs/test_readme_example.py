"""The claim record the README shows is a valid claim file, anchored in its snapshot."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.conftest import FIXTURES, ROOT

import claimtrack


def test_readme_claim_record_checks_clean(tmp_path: Path) -> None:
    """The README's YAML example, beside the snapshot it names, gives no finding at all."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## A claim record", 1)[1]
    match = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert match is not None
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    shutil.copy(FIXTURES / "claims" / "snapshot.txt", tmp_path / "snapshot.txt")
    path = tmp_path / "record.yaml"
    path.write_text(match.group(1), encoding="utf-8")
    result = claimtrack.check([path])
    assert [f"{f.code} {f.message}" for f in result.findings] == []
