"""claimtrack: track the claims an article makes and the sources behind them.

>>> import claimtrack
>>> claim_file = claimtrack.loads('''
... version: 1
... document: {id: example, title: An example}
... claims:
...   - id: casualties
...     text: More than 2,000 fighters were killed.
...     kind: quantity
...     anchor: {exact: "more than 2,000 casualties"}
...     quantities: [{lower_bound: 2000, unit: casualties}]
... ''')
>>> claim_file.claims[0].quantities[0].lower_bound
2000
"""

# The public names are imported on first use (PEP 562), so that ``import claimtrack`` and the
# command line start fast: ``claimtrack --version`` and a pre-commit hook over one file load
# only what they need.

from __future__ import annotations

import importlib

from claimtrack._version import __version__

TYPE_CHECKING = False  # typing's own, without importing typing (a warm run never needs it)
if TYPE_CHECKING:
    from typing import Any

    from claimtrack._api import (
        dump,
        dumps,
        load,
        load_document,
        loads,
        to_model,
    )
    from claimtrack.batch import check, iter_check
    from claimtrack.config import (
        Config,
        load_config,
    )
    from claimtrack.errors import (
        ClaimtrackError,
        ConfigError,
        InputLimitError,
        LoadError,
    )
    from claimtrack.export import (
        render_claimreview,
        render_csl,
        render_prov,
        render_web_annotation,
    )
    from claimtrack.findings import (
        Finding,
        Location,
        Severity,
        SuppressedFinding,
    )
    from claimtrack.io.limits import Limits
    from claimtrack.io.load import (
        Format,
        LoadedDocument,
    )
    from claimtrack.lint import RuleSelection
    from claimtrack.lint.baseline import (
        Baseline,
        BaselineEntry,
        load_baseline,
    )
    from claimtrack.model import (
        AnalyticConfidence,
        Anchor,
        Attribution,
        Backs,
        Citation,
        Claim,
        ClaimFile,
        ClaimKind,
        Confidence,
        Coverage,
        Document,
        DocumentState,
        Entity,
        EntityType,
        Likelihood,
        Method,
        Name,
        Normalization,
        Provenance,
        Quantity,
        Reliability,
        Snapshot,
        Source,
        SourceSnapshot,
        SourceType,
        Specificity,
        Stance,
        Status,
        Suppression,
        When,
    )
    from claimtrack.pipeline import check_document
    from claimtrack.render.report import (
        build_report,
        render_csv,
        render_html,
        render_markdown,
        render_report_json,
    )
    from claimtrack.results import CheckResult, FileResult
    from claimtrack.settings import CheckSettings
    from claimtrack.shared_sources import load_source_library
    from claimtrack.validate.library import SourceLibrary

_EXPORTS: dict[str, str] = {
    "AnalyticConfidence": "claimtrack.model",
    "Anchor": "claimtrack.model",
    "Attribution": "claimtrack.model",
    "Backs": "claimtrack.model",
    "Baseline": "claimtrack.lint.baseline",
    "BaselineEntry": "claimtrack.lint.baseline",
    "CheckResult": "claimtrack.results",
    "CheckSettings": "claimtrack.settings",
    "Citation": "claimtrack.model",
    "Claim": "claimtrack.model",
    "ClaimFile": "claimtrack.model",
    "ClaimKind": "claimtrack.model",
    "ClaimtrackError": "claimtrack.errors",
    "Confidence": "claimtrack.model",
    "Coverage": "claimtrack.model",
    "Config": "claimtrack.config",
    "ConfigError": "claimtrack.errors",
    "Document": "claimtrack.model",
    "DocumentState": "claimtrack.model",
    "Entity": "claimtrack.model",
    "EntityType": "claimtrack.model",
    "FileResult": "claimtrack.results",
    "Finding": "claimtrack.findings",
    "Format": "claimtrack.io.load",
    "InputLimitError": "claimtrack.errors",
    "Likelihood": "claimtrack.model",
    "Limits": "claimtrack.io.limits",
    "LoadError": "claimtrack.errors",
    "LoadedDocument": "claimtrack.io.load",
    "Location": "claimtrack.findings",
    "Method": "claimtrack.model",
    "Name": "claimtrack.model",
    "Normalization": "claimtrack.model",
    "Provenance": "claimtrack.model",
    "Quantity": "claimtrack.model",
    "Reliability": "claimtrack.model",
    "RuleSelection": "claimtrack.lint",
    "Severity": "claimtrack.findings",
    "Snapshot": "claimtrack.model",
    "Source": "claimtrack.model",
    "SourceLibrary": "claimtrack.validate.library",
    "SourceSnapshot": "claimtrack.model",
    "SourceType": "claimtrack.model",
    "Specificity": "claimtrack.model",
    "Stance": "claimtrack.model",
    "Status": "claimtrack.model",
    "SuppressedFinding": "claimtrack.findings",
    "Suppression": "claimtrack.model",
    "When": "claimtrack.model",
    "build_report": "claimtrack.render.report",
    "check": "claimtrack.batch",
    "check_document": "claimtrack.pipeline",
    "dump": "claimtrack._api",
    "dumps": "claimtrack._api",
    "iter_check": "claimtrack.batch",
    "load": "claimtrack._api",
    "load_baseline": "claimtrack.lint.baseline",
    "load_config": "claimtrack.config",
    "load_document": "claimtrack._api",
    "load_source_library": "claimtrack.shared_sources",
    "loads": "claimtrack._api",
    "render_claimreview": "claimtrack.export",
    "render_csl": "claimtrack.export",
    "render_csv": "claimtrack.render.report",
    "render_html": "claimtrack.render.report",
    "render_markdown": "claimtrack.render.report",
    "render_prov": "claimtrack.export",
    "render_report_json": "claimtrack.render.report",
    "render_web_annotation": "claimtrack.export",
    "to_model": "claimtrack._api",
}

__all__ = [
    "AnalyticConfidence",
    "Anchor",
    "Attribution",
    "Backs",
    "Baseline",
    "BaselineEntry",
    "CheckResult",
    "CheckSettings",
    "Citation",
    "Claim",
    "ClaimFile",
    "ClaimKind",
    "ClaimtrackError",
    "Confidence",
    "Config",
    "ConfigError",
    "Coverage",
    "Document",
    "DocumentState",
    "Entity",
    "EntityType",
    "FileResult",
    "Finding",
    "Format",
    "InputLimitError",
    "Likelihood",
    "Limits",
    "LoadError",
    "LoadedDocument",
    "Location",
    "Method",
    "Name",
    "Normalization",
    "Provenance",
    "Quantity",
    "Reliability",
    "RuleSelection",
    "Severity",
    "Snapshot",
    "Source",
    "SourceLibrary",
    "SourceSnapshot",
    "SourceType",
    "Specificity",
    "Stance",
    "Status",
    "SuppressedFinding",
    "Suppression",
    "When",
    "__version__",
    "build_report",
    "check",
    "check_document",
    "dump",
    "dumps",
    "iter_check",
    "load",
    "load_baseline",
    "load_config",
    "load_document",
    "load_source_library",
    "loads",
    "render_claimreview",
    "render_csl",
    "render_csv",
    "render_html",
    "render_markdown",
    "render_prov",
    "render_report_json",
    "render_web_annotation",
    "to_model",
]


def __getattr__(name: str) -> Any:
    """Import a public name, or a submodule such as ``claimtrack.io``, on first use."""
    module = _EXPORTS.get(name)
    if module is not None:
        value = getattr(importlib.import_module(module), name)
    else:
        try:
            value = importlib.import_module(f"claimtrack.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"claimtrack.{name}":
                raise
            raise AttributeError(f"module 'claimtrack' has no attribute {name!r}") from None
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
