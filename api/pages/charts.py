"""A bar chart of counts as an inline SVG, drawn on the server: the portfolio's readiness bands.

A pure function of its input, like the radar and the sparklines: the page works without
JavaScript, prints as vectors and can be tested as text. The bars keep the order they are given
(the bands from low to high); the chart counts teams, it never names or ranks them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

WIDTH = 440.0  # about as wide as it is drawn on a page, so that its text reads at its size
TOP = 24.0  # room above the tallest bar for its count
PLOT = 170.0  # the height of the tallest bar
BOTTOM = 26.0  # room below the baseline for the labels
SIDE = 4.0
GAP = 0.25  # the share of each slot left between two bars


@dataclass(frozen=True)
class Bar:
    label: str
    value: int


def bar_chart_svg(bars: Sequence[Bar], *, title: str, description: str) -> Markup:
    """An accessible SVG of one bar per count, each labelled below and its count written above.

    The tallest bar fills the plot; a chart of zeros is a baseline with a "0" over each label.
    `description` says the same in words for a screen reader (the page shows a table as well).
    """
    if not bars:
        raise ValueError("a bar chart needs at least one bar")
    if any(bar.value < 0 for bar in bars):
        raise ValueError("a bar chart counts: no value may be negative")
    highest = max(bar.value for bar in bars) or 1
    slot = (WIDTH - 2 * SIDE) / len(bars)
    width = slot * (1 - GAP)
    baseline = TOP + PLOT
    parts = [
        f'<svg class="bars" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {WIDTH:g} {baseline + BOTTOM:g}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(description)}</desc>",
    ]
    for index, bar in enumerate(bars):
        left = SIDE + slot * index + (slot - width) / 2
        centre = left + width / 2
        height = PLOT * bar.value / highest
        empty = " bars-empty" if bar.value == 0 else ""
        parts += [
            f'<g class="bars-bar{empty}">',
            f'<rect x="{left:.1f}" y="{baseline - height:.1f}" width="{width:.1f}" '
            f'height="{height:.1f}"/>',
            f'<text class="bars-value" x="{centre:.1f}" y="{baseline - height - 6:.1f}" '
            f'text-anchor="middle">{bar.value}</text>',
            f'<text class="bars-label" x="{centre:.1f}" y="{baseline + 18:.1f}" '
            f'text-anchor="middle">{escape(bar.label)}</text>',
            "</g>",
        ]
    parts += [
        f'<line class="bars-baseline" x1="{SIDE:g}" x2="{WIDTH - SIDE:g}" '
        f'y1="{baseline:g}" y2="{baseline:g}"/>',
        "</svg>",
    ]
    return Markup("\n".join(parts))
