"""Sparklines: a line over a fixed 0–100 scale, oldest value left, latest marked."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from api.pages.trend import HEIGHT, PAD, WIDTH, sparkline_svg

SVG = "{http://www.w3.org/2000/svg}"


def line(svg: str) -> list[tuple[float, float]]:
    polyline = ET.fromstring(svg).find(f"{SVG}polyline")
    assert polyline is not None
    return [tuple(map(float, p.split(","))) for p in polyline.get("points", "").split()]  # type: ignore[misc]


def test_the_line_runs_from_the_oldest_value_on_the_left_to_the_latest_on_the_right() -> None:
    drawn = line(sparkline_svg([0, 100, 50], label="x"))

    assert drawn[0] == pytest.approx((PAD, HEIGHT - PAD))
    assert drawn[1] == pytest.approx((WIDTH / 2, PAD))
    assert drawn[2] == pytest.approx((WIDTH - PAD, HEIGHT / 2))


def test_one_assessment_is_a_single_marked_point() -> None:
    svg = sparkline_svg([42], label="x")

    assert len(line(svg)) == 1
    assert svg.count('class="sparkline-last"') == 1


def test_the_label_is_escaped_for_screen_readers() -> None:
    svg = sparkline_svg([1, 2], label='Ömsesidigt "beroende" & <annat>')

    assert ET.fromstring(svg).get("aria-label") == 'Ömsesidigt "beroende" & <annat>'


def test_no_values_is_an_error_not_an_empty_chart() -> None:
    with pytest.raises(ValueError, match="at least one value"):
        sparkline_svg([], label="x")
