"""Values from claim files cannot inject anything into text, GitHub, Markdown or HTML output:
no control character reaches a terminal, no line but ours starts a workflow command, and
no backtick run breaks out of the job-summary fence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from claimtrack._inert import visible, visible_lines
from claimtrack.cli.main import cli

# A claim id that clears the screen and prints a green "all clear", then starts workflow
# commands on new lines, then breaks out of a Markdown fence with a heading and an image.
HOSTILE_ID = (
    "x\x1bc\x1b[32mNo problems found\x1b[0m\n::add-mask::secret\r::stop-commands::t"
    "\u2028::error::fake\x85::warning::nel\n```\n# Fake heading\n![i](https://img.example/p.png)"
)
# Characters that must never reach output raw.
_RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _claim_file(folder: Path, name: str = "hostile.yaml", claim_id: str = HOSTILE_ID) -> Path:
    quoted = claim_id.encode("unicode_escape").decode("ascii").replace('"', '\\"')
    path = folder / name
    path.write_text(
        "version: 1\n"
        "document: {id: doc, title: A document}\n"
        "sources: []\n"
        "claims:\n"
        f'  - id: "{quoted}"\n'
        "    text: Something was said.\n"
        "    kind: event\n"
        "    anchor: {exact: said}\n"
        "    suppress:\n"
        f'      - {{rule: F101, reason: "{quoted}"}}\n',
        encoding="utf-8",
    )
    return path


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code in (0, 1), result.output
    return result.stdout


class TestTextOutput:
    """The text format escapes controls and never lets a line start a workflow command."""

    def test_no_control_character_reaches_the_terminal(self, tmp_path: Path) -> None:
        """The hostile id appears escaped (``\\x1b``), never as a raw control."""
        out = _run("check", "--no-cache", "-v", str(_claim_file(tmp_path)))
        assert not _RAW.search(out)
        assert "\\x1bc" in out

    def test_no_line_begins_a_workflow_command(self, tmp_path: Path) -> None:
        """Neither an id with line breaks nor a file named ``::error::x`` starts a line
        with ``::`` in text output."""
        _claim_file(tmp_path)
        _claim_file(tmp_path, name="::error title=fake::x.yaml", claim_id="plain-id")
        out = _run("check", "--no-cache", "-v", str(tmp_path))
        lines = out.splitlines()
        assert len(lines) > 2
        assert not [line for line in lines if line.startswith("::")]

    def test_job_summary_fence_cannot_be_broken(self, tmp_path: Path) -> None:
        """The text output, wrapped in a fence as docs/ci.md's job summary does, renders as
        one code block and nothing else (no heading, no image)."""
        _claim_file(tmp_path)
        _claim_file(tmp_path, name="```x.yaml", claim_id="plain-id")
        out = _run("check", "--no-cache", "--statistics", "--color", "never", str(tmp_path))
        summary = "## claimtrack\n```\n" + out + "```\n"
        tokens = MarkdownIt("commonmark").parse(summary)
        assert [token.type for token in tokens] == [
            "heading_open",
            "inline",
            "heading_close",
            "fence",
        ]
        assert tokens[3].content == out


class TestGithubOutput:
    """In --format github every line is one of our workflow commands."""

    def test_every_line_is_our_annotation(self, tmp_path: Path) -> None:
        """One line per finding, each starting with our command, none with a raw control."""
        out = _run("check", "--no-cache", "-f", "github", str(_claim_file(tmp_path)))
        lines = out.splitlines()
        assert lines
        assert all(re.match(r"::(error|warning|notice) file=", line) for line in lines)
        assert not _RAW.search(out)


class TestReports:
    """Markdown and HTML reports carry no raw control characters."""

    @pytest.mark.parametrize("fmt", ["md", "html"])
    def test_report_is_free_of_controls(self, tmp_path: Path, fmt: str) -> None:
        """The hostile id and reason are escaped in the report."""
        out = _run("report", "--format", fmt, str(_claim_file(tmp_path)))
        assert out
        assert not _RAW.search(out)


class TestVisible:
    """The escaping functions."""

    def test_every_control_is_escaped(self) -> None:
        """C0, C1, DEL, NEL, line/paragraph separators and bidi controls become escapes."""
        controls = "".join(map(chr, [*range(0x20), *range(0x7F, 0xA0)])) + "\u2028\u2029\u202e"
        shown = visible(controls)
        assert not _RAW.search(shown)
        assert shown.count("\\") == len(controls)

    def test_line_feeds_and_tabs_kept_when_asked(self) -> None:
        """visible_lines keeps tab and line feed, and escapes the rest."""
        assert visible_lines("a\tb\nc\rd\x1b") == "a\tb\nc\\x0dd\\x1b"

    @pytest.mark.parametrize(
        "text",
        [
            "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u06cc\u0645",  # a Persian word
            "\U0001f468\u200d\U0001f469\u200d\U0001f467 families",  # one emoji sequence
        ],
    )
    def test_joiners_inside_words_and_emoji_are_kept(self, text: str) -> None:
        """A zero-width non-joiner or joiner between two visible characters, as Persian
        words and emoji sequences are written, reaches a report as it is."""
        assert visible(text) == visible_lines(text) == text

    @pytest.mark.parametrize("text", ["a\u200d", "\u200db", "a \u200c b", "a\u200d\u200db"])
    def test_joiners_that_join_nothing_are_escaped(self, text: str) -> None:
        """A joiner at an edge, beside a space or beside another is shown as an escape."""
        shown = visible(text)
        assert "\u200c" not in shown
        assert "\u200d" not in shown
        assert "\\u200" in shown

    def test_undecodable_name_bytes_are_shown_as_bytes(self) -> None:
        """A name that is not UTF-8 (bytes kept as surrogates) shows its bytes."""
        assert visible(b"caf\xe9.yaml".decode("utf-8", "surrogateescape")) == "caf\\xe9.yaml"
