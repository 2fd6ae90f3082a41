"""Reviewing changes to claim files: what a change does between two git revisions or two
files (:func:`diff_revisions`, :func:`diff_files`), as records renderers turn into text,
Markdown and JSON."""

from __future__ import annotations

from claimtrack.review.changes import (
    AnchorChange,
    CitationChange,
    ClaimChange,
    Diff,
    DocumentDiff,
    FieldChange,
    Line,
    SideInfo,
    SourceChange,
)
from claimtrack.review.diff import DiffError, DiffSettings, diff_files, diff_revisions
from claimtrack.review.git import GitError, Repository

__all__ = [
    "AnchorChange",
    "CitationChange",
    "ClaimChange",
    "Diff",
    "DiffError",
    "DiffSettings",
    "DocumentDiff",
    "FieldChange",
    "GitError",
    "Line",
    "Repository",
    "SideInfo",
    "SourceChange",
    "diff_files",
    "diff_revisions",
]
