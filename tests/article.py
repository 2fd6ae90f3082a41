"""The project's own record of the article, checked as the project checks it: with the
shared source library that the repository's ``pyproject.toml`` names."""

from __future__ import annotations

import functools
from pathlib import Path

import claimtrack
from claimtrack.config import load_config
from claimtrack.settings import CheckSettings
from claimtrack.validate.library import SourceLibrary

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "claims" / "assad-fall-iran-syria.yaml"
LIBRARY = ROOT / "sources" / "syria-iran.yaml"


@functools.cache
def article_library() -> SourceLibrary:
    """The repository's shared source library, loaded once per test run."""
    library = claimtrack.load_source_library(load_config(ROOT / "pyproject.toml"))
    assert library is not None
    assert not library.problems
    return library


def article_settings() -> CheckSettings:
    """Settings that resolve the article's citations against the shared library."""
    return CheckSettings(library=article_library())


def check_article(*others: str | Path, article: str | Path = ARTICLE) -> claimtrack.CheckResult:
    """The check of the article's record (named as ``article``), and of ``others``, with the
    shared library."""
    return claimtrack.check([str(article), *map(str, others)], article_settings())
