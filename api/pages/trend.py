"""Sparklines for the team history: one score over time as a small inline SVG, drawn on the server.

The vertical scale is always the whole 0–100 range, so that lines in one table compare at a glance
and a small wobble does not look like a cliff.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markupsafe import Markup

WIDTH, HEIGHT, PAD = 160.0, 40.0, 4.0


def sparkline_svg(values: Sequence[float], *, label: str) -> Markup:
    """An SVG line through `values` (oldest first, each 0..100), its last point marked."""
    if not values:
        raise ValueError("a sparkline needs at least one value")
    points = [(_x(i, len(values)), _y(v)) for i, v in enumerate(values)]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    dots = "".join(
        f'<circle class="sparkline-{"last" if n == len(points) - 1 else "dot"}" '
        f'cx="{x:.1f}" cy="{y:.1f}" r="{3 if n == len(points) - 1 else 2}"/>'
        for n, (x, y) in enumerate(points)
    )
    return Markup(
        f'<svg class="sparkline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:g} {HEIGHT:g}" '
        f'role="img" aria-label="{escape(label)}">'
        f'<rect class="sparkline-band" x="0" y="{_y(100):.1f}" width="{WIDTH:g}" '
        f'height="{_y(0) - _y(100):.1f}"/>'
        f'<line class="sparkline-mid" x1="0" x2="{WIDTH:g}" y1="{_y(50):.1f}" y2="{_y(50):.1f}"/>'
        f'<polyline class="sparkline-line" points="{line}"/>{dots}</svg>'
    )


def _x(index: int, count: int) -> float:
    if count == 1:
        return WIDTH - PAD
    return PAD + (WIDTH - 2 * PAD) * index / (count - 1)


def _y(value: float) -> float:
    value = max(0.0, min(100.0, value))
    return HEIGHT - PAD - (HEIGHT - 2 * PAD) * value / 100
