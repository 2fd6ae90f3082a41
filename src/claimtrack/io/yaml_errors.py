"""The YAML parser's own complaints, said the way claimtrack's findings say things.

PyYAML (and libyaml beneath it) words its errors for people who write parsers: "mapping
values are not allowed here", "expected <block end>, but found '<block mapping start>'". Each
of those almost always means one mistake of indentation, so the message names the mistake
and the hint says how to fix it; anything unknown keeps the parser's words, with the
position. The parser's own refusal of deep nesting is the same input limit as ours (E104).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from claimtrack import rules
from claimtrack.findings import Span
from claimtrack.io.positions import span_of_offset
from claimtrack.io.problem import ParseProblem

__all__ = ["syntax_problem"]

_INDENT_HINT = (
    "Indent each key exactly as far as the other keys of its mapping, with spaces; a value"
    " that goes on over several lines, or holds ': ', must be quoted."
)


def _line(text: str, number: int) -> str:
    lines = text.split("\n")
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _explained(
    problem: str, context: str | None, span: Span | None, text: str
) -> tuple[str, str | None]:
    """The message and hint for a parser complaint we can put in plain words."""
    line = _line(text, span.line) if span is not None else ""
    if span is not None and "\t" in line[: len(line) - len(line.lstrip())]:
        return (
            "a tab indents this line, and YAML allows only spaces for indentation",
            "Indent with spaces.",
        )
    # The pure-Python parser and libyaml word the same complaints differently.
    if problem.startswith("mapping values are not allowed"):
        return (
            "a key is indented further than the keys before it, or an unquoted value"
            " holds ': ' (YAML reads the line as a new mapping where none can start)",
            _INDENT_HINT,
        )
    if context in ("while parsing a block mapping", "while parsing a block collection") and (
        problem.startswith(("expected <block end>", "did not find expected"))
    ):
        return (
            "this line does not line up with the keys (or '- ' items) before it: it is"
            " indented more or less than any mapping or list it could belong to",
            "Line it up with the keys (or the '- ' items) it belongs beside, using spaces.",
        )
    if problem.startswith("could not find expected ':'"):
        return (
            "a line inside a mapping is neither 'key: value' nor the continuation of a"
            " quoted value",
            "Add the ':' after the key, or quote the value that goes on over several lines.",
        )
    message = f"{problem} ({context})" if context else problem
    return f"invalid YAML: {message}", None


def syntax_problem(
    error: yaml.YAMLError,
    text: str,
    max_depth: int,
    locate: Callable[[Any], Span] | None = None,
) -> ParseProblem:
    """The finding's problem for a parser error, at the parser's position (``locate`` turns
    the parser's mark into a line and column under every line-ending convention; without
    it the parser's own count is used)."""
    if isinstance(error, yaml.reader.ReaderError):
        char = error.character
        code = char if isinstance(char, int) else ord(char[:1] or "\0")
        return ParseProblem(
            rules.SYNTAX_ERROR,
            f"character U+{code:04X} is not allowed in YAML",
            span_of_offset(text, error.position),
            hint="Remove the control character.",
        )
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is None:
        span = None
    elif locate is not None:
        span = locate(mark)
    else:
        span = Span(mark.line + 1, mark.column + 1)
    problem = str(getattr(error, "problem", None) or error)
    context = getattr(error, "context", None)
    if "maximum nesting depth" in problem:
        # libyaml's own bound (1,000 levels) sits far above ours, but it notices first
        # when its scanner reads ahead of the events we count.
        return ParseProblem(rules.INPUT_LIMIT, f"nesting is deeper than {max_depth} levels", span)
    message, hint = _explained(problem, context, span, text)
    return ParseProblem(rules.SYNTAX_ERROR, message, span, hint=hint)
