"""The pull-request workflow in docs/ci.md: valid for GitHub, and each shell step works on a
real repository (with a stand-in ``gh`` that records what it is asked)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.gitrepo import ROOT, SMALL, GitRepo

DOC = ROOT / "docs" / "ci.md"
MARKER = "<!-- workflow: claimtrack-review -->"
BIN = Path(sys.executable).parent

# A stand-in for the GitHub CLI: it logs its arguments and the body it is given, and answers
# the comment listing with the ids in $FAKE_COMMENT_IDS (one per line).
FAKE_GH = """#!/bin/sh
printf '%s\\n' "$*" >> "$FAKE_GH_LOG"
for arg in "$@"; do
  case "$arg" in
    body=@*) cat "${arg#body=@}" > "$FAKE_GH_BODY" ;;
  esac
done
case "$1 $2" in
  "pr comment") cat "$5" > "$FAKE_GH_BODY" ;;
  "api repos/"*) [ "$3" = "--paginate" ] && printf '%s' "$FAKE_COMMENT_IDS" ;;
esac
exit 0
"""


def _workflow_text() -> str:
    text = DOC.read_text(encoding="utf-8")
    after = text.split(MARKER, 1)[1]
    match = re.match(r"\s*```yaml\n(.*?)\n```", after, re.DOTALL)
    assert match is not None, "no yaml block after the workflow marker in docs/ci.md"
    return match.group(1) + "\n"


def _steps() -> list[dict[str, Any]]:
    workflow = yaml.safe_load(_workflow_text())
    steps: list[dict[str, Any]] = workflow["jobs"]["review"]["steps"]
    return steps


def _run_step(
    step: dict[str, Any], cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    # GitHub runs `run:` steps on Linux with `bash --noprofile --norc -eo pipefail {0}`.
    script = cwd.parent / "step.sh"
    script.write_text(step["run"], encoding="utf-8")
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _schema_check(text: str, target: Path) -> subprocess.CompletedProcess[str]:
    """check-jsonschema with its vendored GitHub workflow schema, over ``text``."""
    target.write_text(text, encoding="utf-8")
    command = [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows"]
    return subprocess.run([*command, str(target)], capture_output=True, text=True, check=False)


class TestWorkflow:
    def test_validates_against_the_github_workflow_schema(self, tmp_path: Path) -> None:
        """check-jsonschema's vendored GitHub workflow schema accepts the workflow."""
        done = _schema_check(_workflow_text(), tmp_path / "claims-review.yml")
        assert done.returncode == 0, done.stdout + done.stderr

    def test_the_schema_check_rejects_a_broken_workflow(self, tmp_path: Path) -> None:
        """The same check fails for a workflow whose job lost its runner (it can fail)."""
        broken = _workflow_text().replace("    runs-on: ubuntu-latest\n", "")
        assert _schema_check(broken, tmp_path / "broken.yml").returncode == 1

    @pytest.mark.parametrize("existing", ["", "1111\n2222"], ids=["first-run", "update"])
    def test_every_shell_step_runs_on_a_real_pull_request(
        self, tmp_path: Path, existing: str
    ) -> None:
        """On a branch that disputes a claim, the check step fails with an annotation, the
        diff step writes the summary and the comment, and the comment step creates the
        comment, or edits the first one that carries the marker."""
        repo = GitRepo(tmp_path / "repo")
        repo.write("claims/small.yaml", SMALL)
        base = repo.commit("Base")
        repo.git("checkout", "-q", "-b", "pr")
        repo.edit(
            "claims/small.yaml",
            "    status: supported\n  - id: rationing",
            "    status: disputed\n  - id: rationing",
        )
        head = repo.commit("Dispute the level")
        fake = tmp_path / "fake-bin"
        fake.mkdir()
        (fake / "gh").write_text(FAKE_GH, encoding="utf-8")
        (fake / "gh").chmod(0o755)
        summary = tmp_path / "summary.md"
        env = {
            "PATH": f"{fake}:{BIN}:/usr/bin:/bin",
            "HOME": str(tmp_path),
            "GITHUB_STEP_SUMMARY": str(summary),
            "GITHUB_REPOSITORY": "owner/repo",
            "FAKE_GH_LOG": str(tmp_path / "gh.log"),
            "FAKE_GH_BODY": str(tmp_path / "gh-body.md"),
            "FAKE_COMMENT_IDS": existing,
        }
        values = {
            "BASE": base,
            "HEAD": head,
            "LINKS": "https://github.com/owner/repo/blob",
            "GH_TOKEN": "not-a-token",
            "PR": "7",
        }
        ran = []
        for step in _steps():
            if "run" not in step or step["run"].startswith("python -m pip install"):
                continue  # the install needs the package index; this environment has it
            step_env = {**env, **{k: values[k] for k in step.get("env", {})}}
            done = _run_step(step, repo.root, step_env)
            ran.append((step["name"], done.returncode))
            if step["name"] == "Check claim files":
                assert "::warning file=claims/small.yaml" in done.stdout
        assert ran == [
            ("Check claim files", 1),
            ("Diff against the base branch", 0),
            ("Post or update the pull-request comment", 0),
        ]
        comment = (repo.root / "claimtrack-diff.md").read_text(encoding="utf-8")
        assert comment.startswith("<!-- claimtrack-diff -->\n### claimtrack diff\n")
        assert '- status: "supported" → "disputed"' in comment
        assert f"https://github.com/owner/repo/blob/{head}/claims/small.yaml#L" in comment
        assert "flag introduced" in comment
        assert summary.read_text(encoding="utf-8") == comment
        log = (tmp_path / "gh.log").read_text(encoding="utf-8").splitlines()
        assert log[0].startswith("api repos/owner/repo/issues/7/comments --paginate")
        if existing:
            patch = "api --method PATCH repos/owner/repo/issues/comments/1111"
            assert log[1] == f"{patch} -F body=@claimtrack-diff.md"
        else:
            assert log[1] == "pr comment 7 --body-file claimtrack-diff.md"
        assert (tmp_path / "gh-body.md").read_text(encoding="utf-8") == comment
