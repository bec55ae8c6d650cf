from fastapi.testclient import TestClient

from readiness import questionnaire


def test_the_questionnaire_is_swedish_unless_asked_otherwise(client: TestClient) -> None:
    answer = client.get("/api/v1/questionnaire")

    assert answer.status_code == 200
    assert answer.json() == questionnaire("sv").model_dump(mode="json")


def test_the_questionnaire_speaks_english_when_asked_by_query(client: TestClient) -> None:
    answer = client.get("/api/v1/questionnaire", params={"lang": "en"})

    assert answer.json()["lang"] == "en"
    assert answer.json()["items"][0]["text"] == questionnaire("en").items[0].text


def test_the_questionnaire_follows_accept_language_when_no_lang_is_given(
    client: TestClient,
) -> None:
    answer = client.get("/api/v1/questionnaire", headers={"Accept-Language": "en-GB,en;q=0.8"})

    assert answer.json()["lang"] == "en"


def test_the_query_wins_over_accept_language(client: TestClient) -> None:
    answer = client.get(
        "/api/v1/questionnaire", params={"lang": "sv"}, headers={"Accept-Language": "en"}
    )

    assert answer.json()["lang"] == "sv"


def test_an_unknown_language_is_rejected_and_named(client: TestClient) -> None:
    answer = client.get("/api/v1/questionnaire", params={"lang": "fr"})

    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", "lang"]
