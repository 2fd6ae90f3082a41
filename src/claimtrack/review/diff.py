"""``diff``: what a change does to claim files, between two git revisions (or a revision and
the work tree), or between two claim files.

Only the claim files that differ between the two sides are loaded and checked, on both
sides, with the same settings; a file whose bytes are the same on both sides (and whose
document snapshot is too) has the same findings on both, so it is not checked at all. The
work tree's side goes through :func:`claimtrack.check` with the caller's result cache, so a
file checked since it was last written is not checked again. A revision's side is read
with ``git cat-file`` into a temporary folder (the claim file and its snapshot), checked
there, and named by its repository path.
"""

from __future__ import annotations

import os
import posixpath
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from claimtrack._convert import unstructure
from claimtrack.batch import check
from claimtrack.errors import ClaimtrackError, LoadError
from claimtrack.findings import Finding
from claimtrack.io.discover import CLAIM_FILE_SUFFIXES
from claimtrack.io.load import LoadedDocument, load_bytes, load_path, read_bytes
from claimtrack.model import ClaimFile
from claimtrack.pipeline import check_document
from claimtrack.results import FileResult
from claimtrack.review.changes import Diff, DocumentDiff, SideInfo
from claimtrack.review.compare import Version, compare
from claimtrack.review.git import WORK_TREE, PathChange, Repository
from claimtrack.settings import CheckSettings
from claimtrack.validate.library import SharedSource, SourceLibrary

__all__ = ["DiffError", "DiffSettings", "diff_files", "diff_revisions", "split_range"]

_STATUS = {"A": "added", "D": "removed", "M": "modified", "R": "renamed"}


class DiffError(ClaimtrackError, ValueError):
    """A diff that cannot be made as asked: a missing file, a path outside the repository."""


@attrs.frozen(kw_only=True)
class DiffSettings:
    """How to diff: the check settings both sides share (the cache serves the work tree's
    side only), and which repository-relative claim files to leave out."""

    check: CheckSettings = attrs.field(factory=CheckSettings)
    is_excluded: Callable[[str], bool] | None = None


def split_range(repository: Repository, spec: str) -> tuple[str, str | None] | None:
    """``A...B`` (from the merge base of A and B to B) or ``A..B`` as (base, head) commits;
    None for anything else."""
    for separator in ("...", ".."):
        if separator in spec:
            first, _, second = spec.partition(separator)
            base = repository.commit(first or "HEAD")
            head = repository.commit(second or "HEAD")
            if separator == "...":
                base = repository.merge_base(base, head)
            return base, head
    return None


def _is_claim_file(name: str) -> bool:
    parts = name.split("/")
    return name.lower().endswith(CLAIM_FILE_SUFFIXES) and not any(
        part.startswith(".") for part in parts
    )


def _snapshot_of(data: Any, name: str) -> str | None:
    """The repository path of the snapshot a claim file's data names, None when it names
    none or one outside the repository."""
    document = data.get("document") if isinstance(data, dict) else None
    snapshot = document.get("snapshot") if isinstance(document, dict) else None
    relative = snapshot.get("path") if isinstance(snapshot, dict) else None
    if not isinstance(relative, str) or not relative or relative.startswith("/"):
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(name), relative))
    return None if joined == ".." or joined.startswith("../") else joined


def _relocated(findings: Sequence[Finding], name: str) -> tuple[Finding, ...]:
    return tuple(
        f
        if f.location.path == name
        else attrs.evolve(f, location=attrs.evolve(f.location, path=name))
        for f in findings
    )


def _records(claim_file: ClaimFile | None) -> dict[str, Any] | None:
    return None if claim_file is None else unstructure(claim_file)


def _problems(result: FileResult) -> tuple[Finding, ...]:
    """A result's findings that kept its records from being compared (unreadable,
    unparseable, schema-invalid)."""
    return tuple(f for f in result.findings if f.code.startswith("E1"))


def _version(
    name: str, document: LoadedDocument | None, result: FileResult, settings: CheckSettings
) -> Version:
    claim_file = result.claim_file if result.claim_file is not None else None
    if claim_file is not None and settings.library is not None:
        # What the file itself says: the shared sources it cites are the library's records,
        # compared where they are written (and seen from another place on each side).
        shared = settings.library.sources
        own = tuple(s for s in claim_file.sources if s.id not in shared)
        claim_file = attrs.evolve(claim_file, sources=own)
    return Version(
        name=name,
        document=document,
        records=_records(claim_file),
        findings=_relocated(result.findings, name),
        problems=() if claim_file is not None else _problems(result) or result.findings,
    )


def _marker_candidates(names: Iterable[str]) -> list[str]:
    """The files that would make a folder above a claim file its project root (snapshots
    may not leave it), as :func:`claimtrack.io.snapshot.find_project_root` looks for them;
    those present at a revision are recreated, empty, in the folder standing in for it."""
    found: set[str] = set()
    for name in names:
        folder = posixpath.dirname(name)
        while folder:
            found.update(f"{folder}/{marker}" for marker in ("pyproject.toml", "claimtrack.toml"))
            folder = posixpath.dirname(folder)
    return sorted(found)


def _library_in(library: SourceLibrary, repository: Path, root: Path) -> SourceLibrary:
    """The work tree's shared source library as seen from ``root``, the folder standing in
    for a revision: each shared snapshot inside the repository is copied to the same place
    under ``root``, so both sides verify quotes against the same text."""
    moved: dict[str, SharedSource] = {}
    for source_id, shared in library.sources.items():
        inside = os.path.relpath(shared.folder, repository)
        if inside.startswith(os.pardir):  # outside the repository: left as it is
            moved[source_id] = shared
            continue
        folder = root / inside
        snapshot = shared.source.snapshot
        if snapshot is not None and not os.path.isabs(snapshot.path):
            original = Path(shared.folder, snapshot.path)
            copy = folder / snapshot.path
            if original.is_file() and not copy.exists():
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(original, copy)
        moved[source_id] = attrs.evolve(shared, folder=str(folder))
    return attrs.evolve(library, sources=moved)


class _Reader:
    """Reads and checks claim files on one side: a commit, or the work tree (None)."""

    def __init__(self, repository: Repository, commit: str | None, settings: DiffSettings):
        self.repository = repository
        self.commit = commit
        self.settings = settings

    def bytes_of(self, names: Sequence[str]) -> dict[str, bytes]:
        if self.commit is not None:
            return self.repository.read(self.commit, names)
        found = {}
        for name in names:
            try:
                found[name] = read_bytes(
                    self.repository.root / name, name=name, limits=self.settings.check.limits
                )
            except LoadError:
                continue
        return found

    def versions(self, names: Sequence[str]) -> dict[str, Version]:
        plain = attrs.evolve(
            self.settings.check, baseline=None, keep_records=True, keep_documents=True
        )
        if self.commit is None:
            return self._work_tree(names, plain)
        return self._revision(names, attrs.evolve(plain, cache=None), self.commit)

    def _revision(
        self, names: Sequence[str], settings: CheckSettings, commit: str
    ) -> dict[str, Version]:
        """Check claim files as they are at a commit: each is parsed once, and checked with
        its snapshot as it was then, written into a temporary folder standing in for the
        repository (with its project-root markers, so a snapshot may leave the same folders
        as in a checkout)."""
        found: dict[str, Version] = {}
        with tempfile.TemporaryDirectory(prefix="claimtrack-diff-") as folder:
            root = Path(folder)
            documents: dict[str, LoadedDocument] = {}
            snapshots: dict[str, str] = {}
            for name, content in self.repository.read(commit, names).items():
                try:
                    document = load_bytes(
                        content, name, limits=settings.limits, file_path=root / name
                    )
                except LoadError as error:
                    found[name] = Version(
                        name=name, findings=error.findings, problems=error.findings
                    )
                    continue
                documents[name] = document
                where = _snapshot_of(document.data, name)
                if where is not None:
                    snapshots[name] = where
            wanted = sorted(set(snapshots.values()))
            for where, content in self.repository.read(commit, wanted).items():
                (root / where).parent.mkdir(parents=True, exist_ok=True)
                (root / where).write_bytes(content)
            (root / ".git").mkdir()
            markers = self.repository.read(commit, _marker_candidates(documents))
            for marker in markers:
                (root / marker).parent.mkdir(parents=True, exist_ok=True)
                (root / marker).touch()
            if settings.library is not None:
                library = _library_in(settings.library, self.repository.root, root)
                settings = attrs.evolve(settings, library=library)
            for name, document in documents.items():
                found[name] = _version(name, document, check_document(document, settings), settings)
        return found

    def _work_tree(self, names: Sequence[str], settings: CheckSettings) -> dict[str, Version]:
        # Anything but a folder is checked: a dangling link, a loop of links or a pipe
        # the work tree lists gives its E100 finding, as `claimtrack check` would.
        present = [name for name in names if not (self.repository.root / name).is_dir()]
        cwd = os.getcwd()
        paths = [os.path.relpath(self.repository.root / name, cwd) for name in present]
        results = check(paths, attrs.evolve(settings, jobs=1)).files
        found: dict[str, Version] = {}
        for name, path, result in zip(present, paths, results, strict=True):
            document: LoadedDocument | None = result.document
            claim_file = result.claim_file
            if claim_file is None and not _problems(result):
                # A cached result carries findings, not records: read the records again.
                try:
                    document = load_path(path, name=name, limits=settings.limits)
                    from claimtrack._api import to_model

                    claim_file = to_model(document)
                except LoadError:
                    claim_file = None
            found[name] = _version(
                name, document, attrs.evolve(result, claim_file=claim_file), settings
            )
        return found


def _snapshot_dependants(
    reader: _Reader, changed: set[str], others: set[str], candidates: Sequence[str]
) -> list[PathChange]:
    """Claim files unchanged themselves whose snapshot changed: they must be compared too."""
    basenames = {posixpath.basename(name).encode("utf-8") for name in others}
    maybe = [name for name in candidates if name not in changed]
    found: list[PathChange] = []
    for name, content in reader.bytes_of(maybe).items():
        if not any(base in content for base in basenames):
            continue
        try:
            data = load_bytes(content, name).data
        except LoadError:
            continue
        if _snapshot_of(data, name) in others:
            found.append(PathChange("M", name))
    return found


def _relative_specs(repository: Repository, paths: Sequence[str]) -> list[str]:
    """PATH arguments as repository-relative pathspecs; DiffError for one outside it."""
    root = repository.root.resolve()
    specs = []
    for path in paths:
        target = Path(os.path.abspath(path)).resolve()
        if not target.is_relative_to(root):
            raise DiffError(
                f"{Path(path).as_posix()} is outside the repository {root.as_posix()}; "
                "give paths inside it"
            )
        relative = target.relative_to(root).as_posix()
        specs.append(":(top)" if relative == "." else f":(top,literal){relative}")
    return specs or [":(top)"]


def diff_revisions(
    repository: Repository,
    base: str,
    head: str | None,
    paths: Sequence[str] = (),
    settings: DiffSettings | None = None,
    *,
    labels: tuple[str, str] | None = None,
) -> Diff:
    """The diff of the claim files under ``paths`` from the commit ``base`` to the commit
    ``head`` (the work tree when None). Raises GitError or DiffError for what cannot be
    diffed; a side of a file that does not parse is a value in the result."""
    settings = settings or DiffSettings()
    specs = _relative_specs(repository, paths)
    excluded = settings.is_excluded or (lambda _name: False)
    changes = repository.changes(base, head, specs)
    kept = [c for c in changes if _is_claim_file(c.path) and not excluded(c.path)]
    others = {c.path for c in changes if not _is_claim_file(c.path)}
    others |= {c.old_path for c in changes if c.old_path and not _is_claim_file(c.old_path)}
    head_reader = _Reader(repository, head, settings)
    base_reader = _Reader(repository, base, settings)
    if others:
        candidates = [
            name
            for name in repository.files(head, specs)
            if _is_claim_file(name) and not excluded(name)
        ]
        kept += _snapshot_dependants(head_reader, {c.path for c in kept}, others, candidates)
    base_names = sorted({c.old_path or c.path for c in kept if c.status != "A"})
    head_names = sorted({c.path for c in kept if c.status != "D"})
    old = base_reader.versions(base_names)
    new = head_reader.versions(head_names)
    documents = [
        compare(
            old.get(c.old_path or c.path) if c.status != "A" else None,
            new.get(c.path) if c.status != "D" else None,
            _STATUS[c.status],
        )
        for c in sorted(kept, key=lambda c: c.path)
    ]
    base_label, head_label = labels or (base, head or WORK_TREE)
    return Diff(
        base=SideInfo(label=base_label, commit=base),
        head=SideInfo(label=head_label, commit=head),
        documents=tuple(d for d in documents if not d.is_empty),
    )


def _file_version(path: str, settings: CheckSettings) -> Version:
    name = Path(path).as_posix()
    if Path(path).is_dir() or not Path(path).exists():
        raise DiffError(f"{name}: no such file; give two claim files that exist")
    plain = attrs.evolve(
        settings, baseline=None, keep_records=True, keep_documents=True, cache=None
    )
    result = check(path, plain).files[0]
    return _version(name, result.document, result, settings)


def diff_files(base: str, head: str, settings: DiffSettings | None = None) -> Diff:
    """The diff of two claim files (say, two exports of the same record)."""
    settings = settings or DiffSettings()
    old, new = _file_version(base, settings.check), _file_version(head, settings.check)
    document: DocumentDiff = compare(old, new, "modified")
    return Diff(
        base=SideInfo(label=old.name),
        head=SideInfo(label=new.name),
        documents=() if document.is_empty else (document,),
    )
