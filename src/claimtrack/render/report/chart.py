"""A small inline SVG bar chart: claims by status, each bar split by sourcing state."""

from __future__ import annotations

from claimtrack.render.report.state import SourcingState
from claimtrack.render.report.summary import CoverageFigures

__all__ = ["STATE_COLOURS", "status_chart"]

STATE_COLOURS = {
    SourcingState.SOURCED: "#1e7b34",
    SourcingState.VAGUE: "#c98a00",
    SourcingState.UNSOURCED: "#b42318",
    SourcingState.DISPUTED: "#6e3bd1",
}

_LABEL_WIDTH = 112
_AXIS = 34
_BAR_WIDTH = 200
_ROW = 24
_BAR = 16


def status_chart(figures: CoverageFigures) -> str:
    """The chart as an ``<svg>`` element (empty string when there are no claims).

    Only fixed words and numbers go into it, never text from a claim file.
    """
    rows = [
        (status, states)
        for status, states in figures.by_status_state.items()
        if any(states.values())
    ]
    if not rows:
        return ""
    largest = max(sum(states.values()) for _, states in rows)
    bars_bottom = len(rows) * _ROW
    legend_y = bars_bottom + _AXIS
    height = legend_y + 22
    width = _LABEL_WIDTH + _BAR_WIDTH + 40
    middle = bars_bottom / 2
    end = _LABEL_WIDTH + _BAR_WIDTH
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img"'
        ' aria-label="Claims by status, split by sourcing state">',
        "<title>Claims by status, split by sourcing state</title>",
        # Axes: status down the side, the number of claims along the bottom (0 to the largest).
        f'<text x="8" y="{middle:.1f}" transform="rotate(-90 8 {middle:.1f})"'
        ' text-anchor="middle" dominant-baseline="hanging" font-size="11" fill="#1d1d1f">'
        "Status</text>",
        f'<line x1="{_LABEL_WIDTH}" y1="{bars_bottom}" x2="{end}" y2="{bars_bottom}"'
        ' stroke="#5a5a66"/>',
        f'<text x="{_LABEL_WIDTH}" y="{bars_bottom + 12}" text-anchor="middle" font-size="10"'
        ' fill="#1d1d1f">0</text>',
        f'<text x="{end}" y="{bars_bottom + 12}" text-anchor="middle" font-size="10"'
        f' fill="#1d1d1f">{largest}</text>',
        f'<text x="{_LABEL_WIDTH + _BAR_WIDTH / 2:.0f}" y="{bars_bottom + 24}"'
        ' text-anchor="middle" font-size="11" fill="#1d1d1f">Number of claims</text>',
    ]
    for index, (status, states) in enumerate(rows):
        y = index * _ROW
        total = sum(states.values())
        out.append(
            f'<text x="{_LABEL_WIDTH - 6}" y="{y + 13}" text-anchor="end" font-size="12"'
            f' fill="#1d1d1f">{status}</text>'
        )
        x = float(_LABEL_WIDTH)
        for state in SourcingState:
            count = states.get(str(state), 0)
            if not count:
                continue
            w = _BAR_WIDTH * count / largest
            out.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{_BAR}"'
                f' fill="{STATE_COLOURS[state]}"><title>{status}, {state}: {count}</title></rect>'
            )
            x += w
        out.append(
            f'<text x="{x + 4:.1f}" y="{y + 13}" font-size="12" fill="#1d1d1f">{total}</text>'
        )
    x = 0
    for state in SourcingState:
        out.append(
            f'<rect x="{x}" y="{legend_y}" width="10" height="10" fill="{STATE_COLOURS[state]}"/>'
            f'<text x="{x + 14}" y="{legend_y + 9}" font-size="11" fill="#1d1d1f">{state}</text>'
        )
        x += 82
    out.append("</svg>")
    return "".join(out)
