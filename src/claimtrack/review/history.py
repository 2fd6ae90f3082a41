"""A claim's history: each commit that changed it, by whom, and what changed, in the terms
of :mod:`claimtrack.review.diff`.

The commits that touched the claim's file are walked from the newest back (following the
file's renames, and first parents through merges). Each is compared with its parent by the
diff engine; the claim is followed back through renames of its id, and the walk stops at the
commit that added it. A version of the file that cannot be read, parsed or structured into
records (within the settings' input limits) cannot be compared: it is kept among the
history's problems, with its commit, instead of being passed over.
"""

from __future__ import annotations

import attrs

from claimtrack.findings import Finding
from claimtrack.review.changes import ClaimChange
from claimtrack.review.diff import DiffSettings, diff_revisions
from claimtrack.review.git import Commit, Repository

__all__ = ["History", "HistoryEntry", "claim_history"]


@attrs.frozen(kw_only=True)
class HistoryEntry:
    """One commit that changed a claim: the commit, the file's name in it, what changed in
    the claim, and the claim's flags that commit introduced and fixed."""

    commit: Commit
    path: str
    change: ClaimChange | None
    introduced: tuple[Finding, ...] = ()
    fixed: tuple[Finding, ...] = ()


@attrs.frozen(kw_only=True)
class History:
    """The commits that changed a claim (newest first), and each version of its file that
    could not be compared: the commit it is in and its first finding (E100, E102, E104...)."""

    entries: tuple[HistoryEntry, ...] = ()
    problems: tuple[tuple[str, Finding], ...] = ()


def _touching(repository: Repository, path: str) -> list[tuple[Commit, str, str | None]]:
    """The commits that touched ``path`` (newest first, following renames), each with the
    file's name in it and in its parent (None when it was added there)."""
    out = repository.git(
        "log",
        "--follow",
        "--first-parent",
        "-M",
        "--name-status",
        "--format=%x00%H%x1f%P%x1f%an%x1f%aI%x1f%s",
        "--",
        path,
    ).decode("utf-8", "replace")
    found: list[tuple[Commit, str, str | None]] = []
    for record in out.split("\0"):
        lines = [line for line in record.split("\n") if line]
        if not lines or "\x1f" not in lines[0]:
            continue
        sha, parents, author, date, subject = lines[0].split("\x1f", 4)
        parent = parents.split()[0] if parents.split() else None
        commit = Commit(sha=sha, parent=parent, author=author, date=date, subject=subject)
        for line in lines[1:]:
            fields = line.split("\t")
            status = fields[0][:1]
            if status == "R" and len(fields) == 3:
                found.append((commit, fields[2], fields[1]))
            elif status == "A" and len(fields) == 2:
                found.append((commit, fields[1], None))
            elif len(fields) == 2:
                found.append((commit, fields[1], fields[1]))
    return found


def claim_history(
    repository: Repository, claim_id: str, path: str, settings: DiffSettings | None = None
) -> History:
    """The commits that changed the claim ``claim_id`` of the file at ``path`` (relative to
    the repository), newest first, and the versions of the file that could not be compared."""
    entries: list[HistoryEntry] = []
    problems: dict[tuple[str, str], Finding] = {}
    current = claim_id
    for commit, name, old_name in _touching(repository, path):
        if commit.parent is None or old_name is None:
            base = (
                repository.git("hash-object", "-t", "tree", "--stdin", stdin=b"").decode().strip()
            )
        else:
            base = commit.parent
        names = sorted({name, old_name or name})
        diff = diff_revisions(
            repository,
            base,
            commit.sha,
            [str(repository.root / n) for n in names],
            settings,
        )
        document = next((d for d in diff.documents if d.path == name), None)
        if document is None:
            continue
        for sha, found in ((commit.sha, document.head_problems), (base, document.base_problems)):
            if found:
                problems.setdefault((sha, found[0].location.path), found[0])
        change = next((c for c in document.claims if c.claim_id == current), None)
        introduced = tuple(f for f in document.introduced if f.location.claim_id == current)
        fixed = tuple(f for f in document.fixed if f.location.claim_id == current)
        if change is None and not introduced and not fixed:
            continue
        entries.append(
            HistoryEntry(
                commit=commit, path=name, change=change, introduced=introduced, fixed=fixed
            )
        )
        if change is not None and change.change == "added":
            break
        if change is not None and change.old_id is not None:
            current = change.old_id
    return History(
        entries=tuple(entries),
        problems=tuple((sha, finding) for (sha, _), finding in problems.items()),
    )
