"""Exit codes, as ruff and ESLint use them."""

OK = 0
FINDINGS = 1
USAGE = 2

HELP = (
    "Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; "
    "2 usage, configuration, I/O or internal error."
)
