"""The command line: a thin layer that parses options, calls the library and sets the exit
code. Heavy modules are imported inside the commands that need them, to keep start-up short."""

from claimtrack.cli.main import main, run

__all__ = ["main", "run"]
