"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["config_option"]

config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Read settings from FILE instead of the nearest pyproject.toml or claimtrack.toml.",
)
