"""``python -m claimtrack``."""

from claimtrack.cli import run

if __name__ == "__main__":
    run()
