"""The phase profile as SVG text: a bar per phase, the group's phase marked, both views on the bars."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from api.pages.phases import BAR_LEFT, BAR_WIDTH, Legend, PhaseRow, bar_x, phase_strip_svg

SVG = "{http://www.w3.org/2000/svg}"
ROWS = [
    PhaseRow(1, "Fas 1", "Tillhörighet och trygghet", 20.0),
    PhaseRow(2, "Fas 2", "Opposition och konflikt", 52.5),
    PhaseRow(3, "Fas 3", "Tillit och struktur", 60.0),
    PhaseRow(4, "Fas 4", "Arbete och produktivitet", 100.0),
]


def swedish(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def strip(rows: list[PhaseRow] = ROWS, legend: Legend | None = None) -> ET.Element:
    svg = phase_strip_svg(
        rows,
        current=3,
        title="Tecken på varje fas",
        current_label="här är gruppen",
        number=swedish,
        legend=legend,
    )
    return ET.fromstring(svg)


def groups(svg: ET.Element) -> list[ET.Element]:
    return [g for g in svg.iter(f"{SVG}g") if "phase" in g.get("class", "").split()]


def test_each_phase_is_a_bar_as_long_as_its_score() -> None:
    bars = [g.find(f"{SVG}rect[@class='phase-bar']") for g in groups(strip())]

    widths = [float(bar.get("width", "")) for bar in bars if bar is not None]

    expected = [BAR_WIDTH * 0.2, BAR_WIDTH * 0.525, BAR_WIDTH * 0.6, BAR_WIDTH]
    assert widths == pytest.approx(expected, abs=0.1)
    assert bar_x(0) == BAR_LEFT


def test_the_groups_phase_is_marked_in_words_not_only_by_colour() -> None:
    phases = groups(strip())

    marked = [g for g in phases if "phase-current" in g.get("class", "")]

    assert len(marked) == 1
    name = marked[0].find(f"{SVG}text[@class='phase-name']")
    assert name is not None
    assert "".join(name.itertext()) == "Fas 3 · här är gruppen"


def test_the_text_alternative_gives_every_score_the_readers_way() -> None:
    svg = strip()

    assert svg.get("role") == "img"
    assert svg.get("aria-label") == "Tecken på varje fas"
    desc = svg.findtext(f"{SVG}desc")
    assert desc == (
        "Fas 1: Tillhörighet och trygghet 20; Fas 2: Opposition och konflikt 52,5; "
        "Fas 3: Tillit och struktur 60 – här är gruppen; Fas 4: Arbete och produktivitet 100."
    )


def test_the_manager_and_the_members_are_marked_on_the_bars_when_both_views_are_given() -> None:
    rows = [PhaseRow(1, "Fas 1", "Tillhörighet", 20.0, manager=30.0, members=20.0), *ROWS[1:]]
    legend = Legend("Används", "Chefens bild", "Medarbetarnas median")

    svg = strip(rows, legend)

    first = groups(svg)[0]
    manager = first.find(f"{SVG}line[@class='phase-manager']")
    members = first.find(f"{SVG}circle[@class='phase-members']")
    assert manager is not None
    assert members is not None
    assert float(manager.get("x1", "")) == pytest.approx(bar_x(30))
    assert float(members.get("cx", "")) == pytest.approx(bar_x(20))
    assert "Fas 1: Tillhörighet 20 (Chefens bild 30, Medarbetarnas median 20)" in (
        svg.findtext(f"{SVG}desc") or ""
    )
    legend_texts = [t.text for g in svg.iter(f"{SVG}g") for t in g.iter(f"{SVG}text")]
    assert {"Används", "Chefens bild", "Medarbetarnas median"} <= set(legend_texts)


def test_without_both_views_there_are_no_marks_and_no_legend() -> None:
    svg = strip()

    assert not list(svg.iter(f"{SVG}circle"))
    assert not [g for g in svg.iter(f"{SVG}g") if g.get("class") == "phase-legend"]


def test_names_are_escaped() -> None:
    svg = phase_strip_svg(
        [PhaseRow(1, "<b>", "a & b", 10.0)],
        current=1,
        title='"x"',
        current_label="<now>",
        number=str,
    )

    ET.fromstring(svg)  # still well-formed
    assert "&lt;b&gt;" in svg
    assert "a &amp; b" in svg
    assert "&lt;now&gt;" in svg


def test_no_phases_is_an_error_not_an_empty_chart() -> None:
    with pytest.raises(ValueError, match="at least one phase"):
        phase_strip_svg([], current=1, title="t", current_label="n", number=str)
