"""The HR partner's API: organisations and units, a batch, the team list and its export, the
portfolio, and rollout waves, through the JSON API."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient

from tests.conftest import with_members
from tests.support.org_file import generate

UNITS = ["nord", "syd"]


def _setup(client: TestClient) -> None:
    for unit in UNITS:
        made = client.post(
            "/api/v1/organisations/default/units", json={"id": unit, "name": unit.title()}
        )
        assert made.status_code == 201, made.text


def test_organisations_and_a_tree_of_units(client: TestClient) -> None:
    made = client.post("/api/v1/organisations", json={"id": "Region-Skåne", "name": "Region Skåne"})
    client.post(
        "/api/v1/organisations/region-skåne/units",
        json={"id": "vard", "name": "Vård", "kind": "forvaltning"},
    )
    client.post(
        "/api/v1/organisations/region-skåne/units",
        json={"id": "ost", "name": "Öst", "parent": "vard"},
    )
    again = client.post("/api/v1/organisations", json={"id": "region-skåne", "name": "Igen"})
    orphan = client.post(
        "/api/v1/organisations/region-skåne/units", json={"id": "x", "name": "X", "parent": "vrd"}
    )

    tree = client.get("/api/v1/organisations/region-skåne/units").json()

    assert (made.status_code, made.json()["id"]) == (201, "region-skåne")
    assert again.status_code == 409
    assert orphan.status_code == 422
    assert orphan.json()["detail"][0]["loc"] == ["body", "parent"]
    assert tree == [
        {"id": "vard", "name": "Vård", "kind": "forvaltning", "parent": None,
         "units": [{"id": "ost", "name": "Öst", "kind": "enhet", "parent": "vard", "units": []}]}
    ]  # fmt: skip
    assert client.get("/api/v1/organisations/ingen/units").status_code == 404


def test_a_batch_stores_the_good_teams_reports_the_bad_and_stores_nothing_twice(
    client: TestClient,
) -> None:
    _setup(client)
    organisation = generate(40, UNITS, bad=2)
    body = io.BytesIO()
    organisation.write_csv_to(body)

    first = client.post(
        "/api/v1/batches", content=body.getvalue(), headers={"Content-Type": "text/csv"}
    )
    again = client.post(
        "/api/v1/batches", content=body.getvalue(), headers={"Content-Type": "text/csv"}
    )

    report = first.json()
    assert first.status_code == 200, first.text
    assert (report["stored"], report["rejected"]) == (38, 2)
    rejected = [o for o in report["outcomes"] if o["status"] == "rejected"]
    assert {(p["row"], p["column"]) for o in rejected for p in o["problems"]} == {
        (bad.row, bad.column) for bad in organisation.bad
    }
    assert (again.json()["stored"], again.json()["existing"]) == (0, 38)
    assert client.get("/api/v1/teams", params={"limit": 1}).json()["total"] == 38


def test_the_team_list_filters_pages_and_exports_for_swedish_excel(client: TestClient) -> None:
    _setup(client)
    for n, scores in enumerate([{}, {"functional_level": 30}, {"competence": 30}]):
        client.post(
            "/api/v1/assessments", json={"team_id": f"Grupp-{n}", **with_members(3, scores)}
        )
        client.put(
            f"/api/v1/teams/grupp-{n}", json={"name": f"Grupp {n} – Östra", "unit": UNITS[n % 2]}
        )

    coaching = client.get("/api/v1/teams", params={"mode": "coaching"}).json()
    nord = client.get("/api/v1/teams", params={"unit": "NORD"}).json()
    page = client.get("/api/v1/teams", params={"limit": 2, "offset": 2}).json()
    export = client.get("/api/v1/teams/export", params={"format": "csv", "unit": "nord"})

    assert [t["id"] for t in coaching["teams"]] == ["grupp-2"]
    assert [t["id"] for t in nord["teams"]] == ["grupp-0", "grupp-2"]
    assert (page["total"], [t["id"] for t in page["teams"]]) == (3, ["grupp-2"])
    assert export.content.startswith(b"\xef\xbb\xbf")
    assert export.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert table[0][:3] == ["Grupp-id", "Grupp", "Enhet"]
    assert [row[0] for row in table[1:]] == ["grupp-0", "grupp-2"]
    assert client.get("/api/v1/teams/export", params={"format": "xlsx"}).content[:2] == b"PK"
    assert client.get("/api/v1/teams", params={"unit": "väst"}).status_code == 422


def test_the_portfolio_counts_and_groups_and_never_ranks(client: TestClient) -> None:
    _setup(client)
    for n, scores in enumerate([{}, {"functional_level": 30}, {}]):
        client.post("/api/v1/assessments", json={"team_id": f"g{n}", **with_members(3, scores)})

    body = client.get("/api/v1/portfolio").json()

    assert (body["teams"], body["assessed"]) == (3, 3)
    assert body["by_mode"] == {"structuring": 1, "coaching": 0, "co_leadership": 2}
    assert [g["mode"] for g in body["groups"]] == ["co_leadership", "structuring"]
    assert [t["id"] for t in body["groups"][0]["teams"]] == ["g0", "g2"]
    assert [g["count"] for g in body["groups"]] == [2, 1]
    assert body["due_count"] == len(body["due"]) == 0


def test_a_portfolio_with_a_limit_lists_the_first_teams_and_counts_them_all(
    client: TestClient,
) -> None:
    """`limit` cuts the lists, never the figures: each group says how many it holds."""
    _setup(client)
    for n in range(3):
        client.post("/api/v1/assessments", json={"team_id": f"g{n}", **with_members(3)})

    whole = client.get("/api/v1/portfolio").json()
    cut = client.get("/api/v1/portfolio", params={"limit": 1}).json()
    empty = client.get("/api/v1/portfolio", params={"limit": 0}).json()

    assert [(g["count"], [t["id"] for t in g["teams"]]) for g in cut["groups"]] == [(3, ["g0"])]
    assert [(g["count"], len(g["teams"])) for g in empty["groups"]] == [(3, 0)]
    assert {k: v for k, v in cut.items() if k != "groups"} == {
        k: v for k, v in whole.items() if k != "groups"
    }
    for wrong in ("-1", "1001", "many"):
        answer = client.get("/api/v1/portfolio", params={"limit": wrong})
        assert answer.status_code == 422, wrong
        assert answer.json()["detail"][0]["loc"] == ["query", "limit"]


def test_a_wave_is_proposed_confirmed_and_listed_and_moves_each_team_one_stage(
    client: TestClient,
) -> None:
    _setup(client)
    for n in range(4):
        profile = with_members(3, current_stage="none")
        client.post("/api/v1/assessments", json={"team_id": f"g{n}", **profile})
        client.put(f"/api/v1/teams/g{n}", json={"unit": UNITS[n % 2]})

    proposal = client.get("/api/v1/rollout/proposal", params={"size": 3}).json()
    chosen = [t["id"] for t in proposal["teams"]]
    wave = client.post("/api/v1/rollout/waves", json={"name": "Pilot 2027", "teams": chosen})
    twice = client.post("/api/v1/rollout/waves", json={"name": "Igen", "teams": chosen[:1]})
    listed = client.get("/api/v1/rollout/waves").json()

    assert chosen == ["g0", "g1", "g2"]
    assert wave.status_code == 201
    assert [(m["from_stage"], m["to_stage"]) for m in wave.json()["moves"]] == [
        ("none", "pilot")
    ] * 3
    assert twice.status_code == 422
    assert twice.json()["detail"][0]["type"] == "not_ahead"
    assert [w["name"] for w in listed] == ["Pilot 2027"]
    teams = {t["id"]: t["current_stage"] for t in client.get("/api/v1/teams").json()["teams"]}
    assert teams == {"g0": "pilot", "g1": "pilot", "g2": "pilot", "g3": "none"}
