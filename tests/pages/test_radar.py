"""The radar chart as SVG text: one point per axis and value, escaped labels, partial series."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest

from api.pages.radar import CENTRE, RADIUS, Axis, Series, radar_svg

SVG = "{http://www.w3.org/2000/svg}"
AXES = [Axis(name, name.title()) for name in ("a", "b", "c", "d")]


def points(svg: str, style: str) -> list[tuple[float, float]]:
    group = next(
        g for g in ET.fromstring(svg).iter(f"{SVG}g") if f"radar-{style}" in g.get("class", "")
    )
    polygon = group.find(f"{SVG}polygon")
    assert polygon is not None
    return [tuple(map(float, p.split(","))) for p in polygon.get("points", "").split()]  # type: ignore[misc]


def test_a_value_is_drawn_at_its_share_of_the_radius_along_its_axis() -> None:
    svg = radar_svg(AXES, [Series("team", {"a": 100, "b": 50, "c": 0, "d": 25})], title="t")

    drawn = points(svg, "primary")

    assert drawn[0] == pytest.approx((CENTRE[0], CENTRE[1] - RADIUS), abs=0.1)  # straight up
    assert drawn[1] == pytest.approx((CENTRE[0] + RADIUS / 2, CENTRE[1]), abs=0.1)  # right
    assert drawn[2] == pytest.approx(CENTRE, abs=0.1)
    assert math.dist(drawn[3], CENTRE) == pytest.approx(RADIUS / 4, abs=0.1)


def test_a_series_without_some_axes_joins_the_axes_it_has() -> None:
    svg = radar_svg(
        AXES,
        [
            Series("all", dict.fromkeys("abcd", 60.0)),
            Series("some", {"a": 40, "c": 40}, "secondary"),
        ],
        title="t",
    )

    assert len(points(svg, "secondary")) == 2
    assert "some: A 40; C 40." in svg


def test_labels_and_title_are_escaped() -> None:
    svg = radar_svg([Axis("x", "<b>&"), *AXES[1:]], [Series("s", {"x": 1})], title='"quoted"')

    ET.fromstring(svg)  # still well-formed
    assert "&lt;b&gt;&amp;" in svg
    assert "<b>" not in svg
    assert 'aria-label="&quot;quoted&quot;"' in svg


def test_a_legend_appears_only_when_there_is_more_than_one_series() -> None:
    one = radar_svg(AXES, [Series("s", {"a": 1})], title="t")
    two = radar_svg(AXES, [Series("s", {"a": 1}), Series("m", {"a": 2}, "secondary")], title="t")

    assert "radar-legend" not in one
    assert len(re.findall(r'class="radar-legend', two)) == 2


def test_three_series_each_have_their_own_style_and_legend() -> None:
    series = [
        Series("used", dict.fromkeys("abcd", 50.0)),
        Series("manager", dict.fromkeys("abcd", 80.0), "secondary"),
        Series("members", dict.fromkeys("abcd", 40.0), "tertiary"),
    ]

    svg = radar_svg(AXES, series, title="t")

    assert points(svg, "tertiary")[0] == pytest.approx((CENTRE[0], CENTRE[1] - RADIUS * 0.4))
    assert re.findall(r'class="radar-legend radar-(\w+)"', svg) == [
        "primary",
        "secondary",
        "tertiary",
    ]


def test_the_description_writes_scores_the_readers_way() -> None:
    svg = radar_svg(
        AXES,
        [Series("s", {"a": 52.5, "b": 40.0})],
        title="t",
        number=lambda value: f"{value:g}".replace(".", ","),
    )

    assert "s: A 52,5; B 40." in svg


@pytest.mark.parametrize("count", [3, 5, 9])
def test_the_picture_holds_every_label_and_little_else(count: int) -> None:
    axes = [Axis(str(n), "A label long enough to wrap onto three lines") for n in range(count)]

    svg = ET.fromstring(radar_svg(axes, [Series("s", {})], title="t"))

    left, top, width, height = map(float, svg.get("viewBox", "").split())
    ys = [float(span.get("y", "")) for span in svg.iter(f"{SVG}tspan")]
    assert (left, width) == (0, 680)
    assert top <= min(ys) - 12  # room for the top line's letters
    assert max(ys) <= top + height
    assert top >= min(ys) - 40  # no empty band above


def test_fewer_than_three_axes_is_not_a_radar_chart() -> None:
    with pytest.raises(ValueError, match="three axes"):
        radar_svg(AXES[:2], [], title="t")
