"""The report's phase profile: one horizontal bar per phase 1–4, the group's phase marked.

The phases are not radar axes: on a radar more reads as better, while more signs of phase 1 or 2
(dependency, conflict) are not a strength. Drawn on the server as an inline SVG, like the radar,
so it works without JavaScript, prints as vectors and can be tested as text. When the members'
answers are used, the manager's view and the members' median are marked on each bar.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

WIDTH = 680
ROW = 40  # one phase: its name over its title, beside its bar
BAR_LEFT, BAR_WIDTH, BAR_HEIGHT = 250.0, 350.0, 16.0
VALUE_LEFT = BAR_LEFT + BAR_WIDTH + 10
SCALE = (0, 50, 100)
LEGEND_ROW = 22


@dataclass(frozen=True)
class PhaseRow:
    number: int
    name: str  # "Fas 1"
    title: str  # "Tillhörighet och trygghet"
    score: float  # 0..100, the score the decision used
    manager: float | None = None  # the manager's view, when the members' answers are used
    members: float | None = None  # the members' median, likewise


@dataclass(frozen=True)
class Legend:
    """What the bars and the two marks stand for; given only when the marks are drawn."""

    score: str
    manager: str
    members: str


def phase_strip_svg(
    rows: Sequence[PhaseRow],
    *,
    current: int,
    title: str,
    current_label: str,
    number: Callable[[float], str],
    legend: Legend | None = None,
) -> Markup:
    """An accessible SVG of the phase scores, the bar of phase `current` marked `current_label`.

    `number` writes a score the reader's way (52,5 or 52.5); `title` is the chart's name for
    screen readers and the description lists every score it draws.
    """
    if not rows:
        raise ValueError("a phase profile needs at least one phase")
    bottom = ROW * len(rows)
    height = bottom + 22 + (LEGEND_ROW if legend else 0)
    parts = [
        f'<svg class="phases" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(_description(rows, current, current_label, number, legend))}</desc>",
        *(_row(row, n, row.number == current, current_label, number) for n, row in enumerate(rows)),
        _scale(bottom),
        *(_legend(legend, bottom + 22) if legend else []),
        "</svg>",
    ]
    return Markup("\n".join(parts))


def bar_x(value: float) -> float:
    """Where `value` (0..100) lies along a bar."""
    return BAR_LEFT + BAR_WIDTH * max(0.0, min(100.0, value)) / 100


def _row(
    row: PhaseRow, index: int, is_current: bool, current_label: str, number: Callable[[float], str]
) -> str:
    top = ROW * index
    bar_top = top + (ROW - BAR_HEIGHT) / 2
    middle = top + ROW / 2
    parts = [f'<g class="phase{" phase-current" if is_current else ""}">']
    if is_current:
        parts.append(
            f'<rect class="phase-band" x="0" y="{top + 2}" width="{WIDTH}" height="{ROW - 4}" rx="4"/>'
        )
    parts += [
        f'<text class="phase-name" x="10" y="{middle - 3:g}">{escape(row.name)}'
        + (f'<tspan class="phase-tag"> · {escape(current_label)}</tspan>' if is_current else "")
        + "</text>",
        f'<text class="phase-title" x="10" y="{middle + 12:g}">{escape(row.title)}</text>',
        f'<rect class="phase-track" x="{BAR_LEFT:g}" y="{bar_top:g}" width="{BAR_WIDTH:g}" '
        f'height="{BAR_HEIGHT:g}"/>',
        f'<rect class="phase-bar" x="{BAR_LEFT:g}" y="{bar_top:g}" '
        f'width="{bar_x(row.score) - BAR_LEFT:.1f}" height="{BAR_HEIGHT:g}"/>',
    ]
    if row.manager is not None:
        x = bar_x(row.manager)
        parts.append(
            f'<line class="phase-manager" x1="{x:.1f}" x2="{x:.1f}" y1="{bar_top - 5:g}" '
            f'y2="{bar_top + BAR_HEIGHT + 5:g}"/>'
        )
    if row.members is not None:
        parts.append(
            f'<circle class="phase-members" cx="{bar_x(row.members):.1f}" cy="{middle:g}" r="5"/>'
        )
    parts.append(
        f'<text class="phase-value" x="{VALUE_LEFT:g}" y="{middle + 5:g}">{number(row.score)}</text>'
    )
    parts.append("</g>")
    return "".join(parts)


def _scale(bottom: int) -> str:
    ticks = "".join(
        f'<line class="phase-grid" x1="{bar_x(v):g}" x2="{bar_x(v):g}" y1="0" y2="{bottom}"/>'
        f'<text class="phase-tick" x="{bar_x(v):g}" y="{bottom + 14}" text-anchor="middle">'
        f"{v}</text>"
        for v in SCALE
    )
    return f'<g class="phase-scale" aria-hidden="true">{ticks}</g>'


def _legend(legend: Legend, top: int) -> list[str]:
    y = top + 12
    return [
        f'<g class="phase-legend" transform="translate(10 {y})">'
        f'<rect class="phase-bar" x="0" y="-10" width="18" height="12"/>'
        f'<text x="24">{escape(legend.score)}</text></g>',
        f'<g class="phase-legend" transform="translate(270 {y})">'
        f'<line class="phase-manager" x1="6" x2="6" y1="-13" y2="5"/>'
        f'<text x="18">{escape(legend.manager)}</text></g>',
        f'<g class="phase-legend" transform="translate(450 {y})">'
        f'<circle class="phase-members" cx="6" cy="-4" r="5"/>'
        f'<text x="18">{escape(legend.members)}</text></g>',
    ]


def _description(
    rows: Sequence[PhaseRow],
    current: int,
    current_label: str,
    number: Callable[[float], str],
    legend: Legend | None,
) -> str:
    def one(row: PhaseRow) -> str:
        text = f"{row.name}: {row.title} {number(row.score)}"
        views = [
            f"{name} {number(value)}"
            for name, value in (
                (legend.manager if legend else "", row.manager),
                (legend.members if legend else "", row.members),
            )
            if value is not None and legend
        ]
        if views:
            text += f" ({', '.join(views)})"
        return text + (f" – {current_label}" if row.number == current else "")

    return "; ".join(one(row) for row in rows) + "."
