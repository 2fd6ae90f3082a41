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

from claimtrack._api import dump, dumps, load, load_document, loads, to_model
from claimtrack._version import __version__
from claimtrack.check import CheckResult, CheckSettings, FileResult, check, check_document
from claimtrack.config import Config, load_config
from claimtrack.errors import ClaimtrackError, ConfigError, InputLimitError, LoadError
from claimtrack.findings import Finding, Location, Severity
from claimtrack.io.load import Format, Limits, LoadedDocument
from claimtrack.lint import RuleSelection, SuppressedFinding
from claimtrack.lint.baseline import Baseline, BaselineEntry, load_baseline
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
    Document,
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
    SourceType,
    Specificity,
    Stance,
    Status,
    Suppression,
    When,
)

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
    "Document",
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
    "SourceType",
    "Specificity",
    "Stance",
    "Status",
    "SuppressedFinding",
    "Suppression",
    "When",
    "__version__",
    "check",
    "check_document",
    "dump",
    "dumps",
    "load",
    "load_baseline",
    "load_config",
    "load_document",
    "loads",
    "to_model",
]
