"""``python -m claimtrack``, and the ``claimtrack`` console script."""

import os
import sys


def run() -> None:
    """The command line. A warm ``check -qq`` that the cache answers whole ends here, before
    the command line is imported (see :mod:`claimtrack._fast_path`); anything else runs
    :func:`claimtrack.cli.run`."""
    if sys.argv[1:2] == ["check"]:  # other commands (--version) load nothing more
        from claimtrack._fast_path import warm_exit_code

        status = warm_exit_code(sys.argv[1:])
        if status is not None:
            os._exit(status)  # nothing was written; ends as the command line does
    from claimtrack.cli import run as run_command_line

    run_command_line()


if __name__ == "__main__":
    run()
