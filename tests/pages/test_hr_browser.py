"""An HR partner in a real browser: Chromium, driven by Playwright, against `readiness serve`.

The portfolio in Swedish, then in English; a unit picked; a team's report and back; the team list
filtered by mode; the CSV export downloaded as Excel would open it.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

import readiness
from tests.conftest import make_profile, with_members
from tests.support.live_server import LiveServer

SETTINGS = readiness.default_policy().settings
UNITS = [("vard", "Vård", None), ("ost", "Vård Öst", "vard"), ("skola", "Skola", None)]
# (team id, display name, unit, profile): every mode, several stages, two units and a subunit.
TEAMS: list[tuple[str, str, str, dict[str, Any]]] = [
    ("akuten", "Akutmottagningen", "vard", with_members(3)),
    ("bvc", "BVC Öst", "ost", make_profile({"manager_readiness": 41.7})),
    ("cyto", "Cytologlabbet", "ost", make_profile({"functional_level": 30})),
    ("dagvard", "Dagvården", "ost", with_members(3, {"org_support": 62}, current_stage="none")),
    ("elevhalsan", "Elevhälsan", "skola", with_members(3, {"org_support": 74})),
    ("fritids", "Fritids Norr", "skola", make_profile({"manager_readiness": 45})),
    ("gymnasiet", "Gymnasiet", "skola", make_profile({"competence": 35})),
    ("hemtjanst", "Hemtjänsten", "vard", with_members(3, {"org_support": 55})),
    ("idrott", "Idrottsskolan", "skola", make_profile({"functional_level": 30})),
]


@pytest.fixture(scope="module")
def organisation(server: LiveServer, api_headers: dict[str, str]) -> LiveServer:
    """Units and assessed teams, put in as an HR system would, through the API."""
    with httpx.Client(base_url=server.url, headers=api_headers) as api:
        for unit_id, name, parent in UNITS:
            body = {"id": unit_id, "name": name, **({"parent": parent} if parent else {})}
            assert api.post("/api/v1/organisations/default/units", json=body).status_code == 201
        for team_id, name, unit, profile in TEAMS:
            made = api.post("/api/v1/assessments", json={"team_id": team_id, **profile})
            assert made.status_code == 201, made.text
            placed = api.put(f"/api/v1/teams/{team_id}", json={"name": name, "unit": unit})
            assert placed.status_code == 200, placed.text
        again = api.post("/api/v1/assessments", json={"team_id": "cyto", **with_members(3)})
        assert again.status_code == 201  # Cytologlabbet has come further since its first round
    return server


def test_an_hr_partner_reads_the_portfolio_and_exports_the_team_list(
    browser_page: Page, organisation: LiveServer, test_output: Path
) -> None:
    page = browser_page
    page.goto(f"{organisation.url}/portfolio")

    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.locator("h1")).to_have_text("Hela organisationen")
    expect(page.locator("#no-ranking")).to_contain_text("rangordning")
    expect(page.locator("svg.bars rect")).to_have_count(10)
    page.screenshot(path=test_output / "portfolio.png", full_page=True)

    page.get_by_role("navigation", name="Språk").get_by_role("link", name="English").click()
    page.wait_for_url("**/portfolio?lang=en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("The whole organisation")

    page.get_by_label("Unit").select_option("vard")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/portfolio?lang=en&unit=vard")
    expect(page.locator("h1")).to_have_text("Vård")
    in_vard = page.locator("section.group li[data-team]")
    expect(in_vard).to_have_count(5)  # Vård and Vård Öst below it

    page.locator("li[data-team=bvc] a.team-report").click()
    page.wait_for_url("**/assessments/**?lang=en")
    expect(page.locator("h1")).to_contain_text(SETTINGS.modes["coaching"].title("en"))
    page.go_back()
    page.wait_for_url("**/portfolio?lang=en&unit=vard")
    expect(page.locator("h1")).to_have_text("Vård")

    page.get_by_role("link", name="The team list of these teams").click()
    page.wait_for_url("**/teams?unit=vard&lang=en")
    expect(page.locator("#team-list tbody tr")).to_have_count(5)
    page.get_by_label("Leadership now").select_option(label=SETTINGS.modes["coaching"].title("en"))
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/teams?**mode=coaching**")
    rows = page.locator("#team-list tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("BVC Öst")
    page.screenshot(path=test_output / "team-list.png", full_page=True)

    with page.expect_download() as downloading:
        page.get_by_role("link", name="CSV for Excel").click()
    download = downloading.value
    content = Path(download.path()).read_bytes()
    download.save_as(test_output / "teams.csv")

    assert download.suggested_filename == "teams-default.csv"
    assert content.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert table[0][:3] == ["Team id", "Team", "Unit"]
    assert [row[:3] for row in table[1:]] == [["bvc", "BVC Öst", "Vård Öst"]]
