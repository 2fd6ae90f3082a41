"""Real git repositories built in a test's temporary folder, commit by commit."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_RECORD = ROOT / "claims" / "assad-fall-iran-syria.yaml"
ARTICLE_SNAPSHOT = ROOT / "claims" / "snapshots" / "assad-fall-iran-syria.txt"
LIBRARY = ROOT / "sources"

# Fixed names and dates, and no user or system configuration: a test's commits do not depend
# on the machine it runs on (golden files still replace their hashes by placeholders).
_ENV = {
    "GIT_AUTHOR_NAME": "Ada Editor",
    "GIT_AUTHOR_EMAIL": "ada@example.org",
    "GIT_COMMITTER_NAME": "Ada Editor",
    "GIT_COMMITTER_EMAIL": "ada@example.org",
    "GIT_AUTHOR_DATE": "2026-01-02T03:04:05Z",
    "GIT_COMMITTER_DATE": "2026-01-02T03:04:05Z",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": "/dev/null",
    "HOME": "/nonexistent",
    "PATH": "/usr/local/bin:/usr/bin:/bin",
}


class GitRepo:
    """A repository in ``root``, with methods to write files and commit them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, author: str | None = None) -> str:
        """Run git in the repository and return its output."""
        env = dict(_ENV)
        if author is not None:
            env["GIT_AUTHOR_NAME"] = author
        done = subprocess.run(
            ["git", *args], cwd=self.root, env=env, capture_output=True, text=True, check=True
        )
        return done.stdout

    def write(self, name: str, text: str) -> Path:
        """Write a file (making its folders)."""
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def read(self, name: str) -> str:
        """A file's text in the work tree."""
        return (self.root / name).read_text(encoding="utf-8")

    def edit(self, name: str, old: str, new: str) -> None:
        """Replace ``old`` (which must occur exactly once) by ``new`` in a file."""
        text = self.read(name)
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {name}"
        self.write(name, text.replace(old, new))

    def commit(self, message: str, author: str | None = None) -> str:
        """Commit everything in the work tree; the new commit's hash."""
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, author=author)
        return self.git("rev-parse", "HEAD").strip()

    def add_article(self) -> None:
        """The project's own record of the article, with its snapshot."""
        self.write("claims/assad-fall-iran-syria.yaml", ARTICLE_RECORD.read_text("utf-8"))
        self.write(
            "claims/snapshots/assad-fall-iran-syria.txt", ARTICLE_SNAPSHOT.read_text("utf-8")
        )
        # Its sources: the project's shared source library, named by a configuration file.
        self.write("claimtrack.toml", 'sources = ["sources/*.yaml"]\n')
        for path in sorted(LIBRARY.rglob("*")):
            if path.is_file():
                name = path.relative_to(ROOT).as_posix()
                self.write(name, path.read_text("utf-8"))


SMALL = """\
version: 1
document:
  id: reservoir
  title: The reservoir report
sources:
  - id: water-board
    type: report
    title: Annual water report
    issued: "2024-05"
    url: https://example.org/water-2024
  - id: survey
    type: dataset
    title: Level survey
    issued: "2024-06"
    url: https://example.org/survey
claims:
  # The level claim.
  - id: level
    text: The reservoir stood at 40 percent.
    kind: quantity
    anchor: {exact: "40 percent"}
    quantities: [{value: 40, unit: percent}]
    citations:
      - {source: water-board, locator: p. 3, quote: "The level was 40 percent."}
      - {source: survey}
    status: supported
  - id: rationing
    text: The city introduced water rationing.
    kind: event
    anchor: {exact: "introduced rationing"}
    dates: [{date: "2024-06-01"}]
    citations:
      - {source: water-board, locator: p. 5}
    status: supported
"""
