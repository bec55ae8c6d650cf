"""The report's radar chart: dimension scores as an inline SVG, drawn on the server.

A pure function of its input, so the page works without JavaScript, prints as vectors and can be
tested as text. Scores are on the 0–100 scale; a series may leave axes out (the members answer
only some items), and its outline then joins the axes it has. Every axis should be one where more
is better: the phase profile is drawn apart (api.pages.phases).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Literal

from markupsafe import Markup

WIDTH = 680
RADIUS = 180.0
CENTRE = (WIDTH / 2, 60 + RADIUS)  # room above for a label of three lines
LEGEND_GAP = 28  # between the lowest label and the legend
LEGEND_ROW = 24
RINGS = (25, 50, 75, 100)
LABEL_WIDTH = 18  # characters a line of an axis label may hold before it wraps
LABEL_LINE = 16  # the height of a line of an axis label


@dataclass(frozen=True)
class Axis:
    id: str
    label: str


@dataclass(frozen=True)
class Series:
    name: str
    values: Mapping[str, float]  # axis id -> 0..100; an axis left out has no point
    style: Literal["primary", "secondary", "tertiary"] = "primary"


def plain_number(value: float) -> str:
    return f"{value:g}"


def radar_svg(
    axes: Sequence[Axis],
    series: Sequence[Series],
    *,
    title: str,
    number: Callable[[float], str] = plain_number,
) -> Markup:
    """An accessible SVG radar chart of `series` over `axes`, with rings at 25, 50, 75 and 100.

    `number` writes a score in the description the reader's way (52,5 or 52.5).
    """
    if len(axes) < 3:
        raise ValueError("a radar chart needs at least three axes")
    labels = [_label_layout(axis, index, len(axes)) for index, axis in enumerate(axes)]
    label_ys = [y for _, lines in labels for _, _, y in lines]
    top = math.floor(min(CENTRE[1] - RADIUS, *label_ys) - LABEL_LINE)  # the top label's ascent
    legend_top = math.ceil(max(CENTRE[1] + RADIUS, *label_ys) + LEGEND_GAP)
    bottom = legend_top + (LEGEND_ROW * len(series) if len(series) > 1 else 0)
    parts = [
        f'<svg class="radar" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 {top} {WIDTH} {bottom - top}" '
        f'role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(_description(axes, series, number))}</desc>",
        *_grid(len(axes)),
        *(_axis_label(*layout) for layout in labels),
        *(_outline(axes, one) for one in series),
        *_legend(series, legend_top),
        "</svg>",
    ]
    return Markup("\n".join(parts))


def _point(index: int, count: int, value: float) -> tuple[float, float]:
    # The first axis points straight up; the others follow clockwise.
    angle = -math.pi / 2 + 2 * math.pi * index / count
    distance = RADIUS * max(0.0, min(100.0, value)) / 100
    return CENTRE[0] + distance * math.cos(angle), CENTRE[1] + distance * math.sin(angle)


def _xy(point: tuple[float, float]) -> str:
    return f"{point[0]:.1f},{point[1]:.1f}"


def _grid(count: int) -> list[str]:
    rings = [
        f'<polygon class="radar-ring" points="{_ring(count, ring)}"/>'
        f'<text class="radar-tick" x="{CENTRE[0] + 4:.1f}" '
        f'y="{CENTRE[1] - RADIUS * ring / 100 + 12:.1f}">{ring}</text>'
        for ring in RINGS
    ]
    spokes = [
        f'<line class="radar-spoke" x1="{CENTRE[0]:.1f}" y1="{CENTRE[1]:.1f}" '
        f'x2="{_point(i, count, 100)[0]:.1f}" y2="{_point(i, count, 100)[1]:.1f}"/>'
        for i in range(count)
    ]
    return ['<g class="radar-grid" aria-hidden="true">', *rings, *spokes, "</g>"]


def _ring(count: int, value: float) -> str:
    return " ".join(_xy(_point(i, count, value)) for i in range(count))


Line = tuple[str, float, float]  # text, x, y of its baseline


def _label_layout(axis: Axis, index: int, count: int) -> tuple[str, list[Line]]:
    """Where an axis label goes: its anchor and lines, outside the end of its axis."""
    x, y = _point(index, count, 100)
    dx, dy = x - CENTRE[0], y - CENTRE[1]
    anchor = "start" if dx > RADIUS * 0.2 else "end" if dx < -RADIUS * 0.2 else "middle"
    lines = textwrap.wrap(axis.label, LABEL_WIDTH) or [axis.label]
    x += 12 * dx / RADIUS
    y += 14 * dy / RADIUS
    # Labels above the chart grow upwards, those below grow downwards, the others are centred.
    first = (
        y - LABEL_LINE * (len(lines) - 1)
        if dy < -RADIUS * 0.5
        else y + 12
        if dy > RADIUS * 0.5
        else y
    )
    first -= LABEL_LINE * (len(lines) - 1) / 2 if abs(dy) <= RADIUS * 0.5 else 0
    return anchor, [(line, x, first + LABEL_LINE * n + 4) for n, line in enumerate(lines)]


def _axis_label(anchor: str, lines: list[Line]) -> str:
    spans = "".join(
        f'<tspan x="{x:.1f}" y="{y:.1f}">{escape(line)}</tspan>' for line, x, y in lines
    )
    return f'<text class="radar-label" text-anchor="{anchor}">{spans}</text>'


def _outline(axes: Sequence[Axis], series: Series) -> str:
    points = [
        _point(i, len(axes), series.values[axis.id])
        for i, axis in enumerate(axes)
        if axis.id in series.values
    ]
    dots = "".join(
        f'<circle class="radar-dot" cx="{x:.1f}" cy="{y:.1f}" r="3.5"/>' for x, y in points
    )
    shape = " ".join(_xy(p) for p in points)
    return (
        f'<g class="radar-series radar-{series.style}">'
        f'<polygon class="radar-area" points="{shape}"/>{dots}</g>'
    )


def _legend(series: Sequence[Series], top: float) -> list[str]:
    if len(series) < 2:
        return []
    return [
        f'<g class="radar-legend radar-{one.style}" '
        f'transform="translate({WIDTH / 2 - 120:g} {top + 4 + LEGEND_ROW * n:g})">'
        f'<rect class="radar-area" width="18" height="12" y="-10"/>'
        f'<text x="26">{escape(one.name)}</text></g>'
        for n, one in enumerate(series)
    ]


def _description(
    axes: Sequence[Axis], series: Sequence[Series], number: Callable[[float], str]
) -> str:
    return " ".join(
        f"{one.name}: "
        + "; ".join(
            f"{axis.label} {number(one.values[axis.id])}" for axis in axes if axis.id in one.values
        )
        + "."
        for one in series
    )
