"""The few git questions a review needs, asked of the ``git`` command line.

The command line rather than a library: CI runners and developers' machines always have it;
it reads every repository layout git itself can (packs, worktrees, shallow and partial
clones, alternates) with the user's own settings; and it adds no compiled dependency
(pygit2 ships libgit2) nor one that shells out to git anyway (GitPython). Each call runs
``git`` with an argument list (never a shell), in the repository's folder, reading bytes.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from claimtrack.errors import ClaimtrackError

__all__ = ["Commit", "GitError", "PathChange", "Repository"]

#: What a revision that is the work tree (not a commit) is called in results.
WORK_TREE = "work tree"


class GitError(ClaimtrackError):
    """A git question that cannot be answered: no git, not a repository, an unknown
    revision, a shallow clone missing the history asked for."""


@attrs.frozen
class PathChange:
    """A path that differs between two revisions: ``A``dded, ``D``eleted, ``M``odified or
    ``R``enamed (then ``old_path`` is where it was)."""

    status: str
    path: str
    old_path: str | None = None


@attrs.frozen(kw_only=True)
class Commit:
    """A commit as a claim's history shows it."""

    sha: str
    parent: str | None
    author: str
    date: str
    subject: str


def _git(args: Sequence[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(  # noqa: S603 - an argument list, no shell
            ["git", "-c", "core.quotepath=off", *args],  # noqa: S607 - git from PATH, as CI has
            cwd=cwd,
            input=stdin,
            capture_output=True,
            check=False,
        )
    except OSError as error:
        raise GitError(
            f"cannot run git: {error.strerror or error}; install git or put it on PATH"
        ) from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed")
    return done.stdout


class Repository:
    """A git repository, found from a folder inside its work tree."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def find(cls, start: Path) -> Repository:
        """The repository whose work tree holds ``start``; GitError if there is none."""
        folder = start if start.is_dir() else start.parent
        try:
            out = _git(["rev-parse", "--show-toplevel"], folder)
        except GitError:
            raise GitError(
                f"{start.as_posix()} is not inside a git repository; run the command in "
                "one, or give two claim files to compare"
            ) from None
        return cls(Path(os.fsdecode(out.strip())))

    def git(self, *args: str, stdin: bytes | None = None) -> bytes:
        """The output of ``git ARGS`` run in the repository."""
        return _git(args, self.root, stdin)

    def is_shallow(self) -> bool:
        """Whether the clone lacks part of the history (``git clone --depth``)."""
        return self.git("rev-parse", "--is-shallow-repository").strip() == b"true"

    def resolve(self, revision: str) -> str | None:
        """The commit a revision names, None when it names none."""
        if not revision or revision.startswith("-"):
            return None
        try:
            out = self.git(
                "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"
            )
        except GitError:
            return None
        return out.decode("ascii").strip() or None

    def commit(self, revision: str) -> str:
        """The commit a revision names; GitError saying what to do when it names none."""
        sha = self.resolve(revision)
        if sha is not None:
            return sha
        if self.is_shallow():
            raise GitError(
                f"revision {revision!r} is not in this shallow clone; fetch the history "
                "(git fetch --unshallow, or actions/checkout with fetch-depth: 0)"
            )
        raise GitError(
            f"revision {revision!r} does not exist; name a branch, tag or commit "
            "(see git log --oneline)"
        )

    def merge_base(self, first: str, second: str) -> str:
        """The best common ancestor of two commits; GitError when they share none."""
        try:
            out = self.git("merge-base", first, second)
        except GitError:
            out = b""
        if not out.strip():
            shallow = (
                " (the clone is shallow: fetch with fetch-depth: 0)" if self.is_shallow() else ""
            )
            raise GitError(f"{first} and {second} have no common ancestor{shallow}")
        return out.decode("ascii").strip()

    def changes(self, base: str, head: str | None, paths: Iterable[str]) -> list[PathChange]:
        """What differs between the commit ``base`` and the commit ``head`` (the work tree
        when None, untracked files included), under ``paths`` (repository-relative)."""
        spec = ["--", *paths]
        args = ["diff", "--name-status", "-z", "-M", "--no-ext-diff", base]
        out = self.git(*args, *([head] if head else []), *spec)
        fields = os.fsdecode(out).split("\0")
        found: list[PathChange] = []
        index = 0
        while index < len(fields) and fields[index]:
            status = fields[index][0]
            if status in "RC":
                old, new = fields[index + 1], fields[index + 2]
                found.append(PathChange("R", new, old) if status == "R" else PathChange("A", new))
                index += 3
            else:
                found.append(
                    PathChange(
                        "D" if status == "D" else "A" if status == "A" else "M", fields[index + 1]
                    )
                )
                index += 2
        if head is None:
            out = self.git("ls-files", "-z", "--others", "--exclude-standard", *spec)
            found.extend(PathChange("A", name) for name in os.fsdecode(out).split("\0") if name)
        return found

    def files(self, revision: str | None, paths: Iterable[str]) -> list[str]:
        """The files under ``paths`` at a commit (the work tree's tracked and untracked
        files when None)."""
        spec = ["--", *paths]
        if revision is None:
            out = self.git("ls-files", "-z", "--cached", "--others", "--exclude-standard", *spec)
        else:
            out = self.git("ls-tree", "-r", "-z", "--name-only", "--full-tree", revision, *spec)
        return sorted({name for name in os.fsdecode(out).split("\0") if name})

    def read(self, revision: str, paths: Sequence[str]) -> dict[str, bytes]:
        """The bytes of files at a commit, by path; paths absent there are left out."""
        if not paths:
            return {}
        request = "".join(f"{revision}:{path}\n" for path in paths).encode("utf-8")
        out = self.git("cat-file", "--batch", stdin=request)
        found: dict[str, bytes] = {}
        at = 0
        for path in paths:
            end = out.index(b"\n", at)
            header = out[at:end].split()
            at = end + 1
            if len(header) < 3 or header[1] != b"blob":
                continue  # "missing", or a folder
            size = int(header[2])
            found[path] = out[at : at + size]
            at += size + 1
        return found

    def history(self, path: str) -> list[Commit]:
        """The commits that touched ``path`` (following renames), newest first, each with
        its first parent."""
        out = self.git(
            "log",
            "--follow",
            "--first-parent",
            "-z",
            "--name-only",
            "--format=%H%x1f%P%x1f%an%x1f%aI%x1f%s",
            "--",
            path,
        )
        commits: list[Commit] = []
        for record in os.fsdecode(out).split("\0"):
            record = record.strip("\n")
            if "\x1f" not in record:
                continue
            sha, parents, author, date, subject = record.split("\n", 1)[0].split("\x1f", 4)
            commits.append(
                Commit(
                    sha=sha,
                    parent=parents.split()[0] if parents.split() else None,
                    author=author,
                    date=date,
                    subject=subject,
                )
            )
        return commits
