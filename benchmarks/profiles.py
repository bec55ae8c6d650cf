"""Seeded, realistic team profiles for the benchmarks, as plain data and as a team file.

A team has a level (how far it has come) that its answers cluster around, each dimension a
little above or below it, each answer with some noise; now and then an item is left unanswered.
The context is drawn as organisations fill it in: most teams of 4 to 15 people, a few just
reorganised or with many new members. A third of the teams carry their members' answers
(3 to 12 members, around the team's level). The same seed gives the same teams.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from readiness.questionnaire import CONTEXT_FIELDS, Respondent, load_questionnaire

SOURCE = load_questionnaire()
MEMBERS_SHARE = 1 / 3


def _answers(rng: random.Random, level: float, respondent: Respondent) -> dict[str, int | None]:
    answers: dict[str, int | None] = {}
    for dimension in SOURCE.dimensions:
        items = dimension.items_of(respondent)
        shift = rng.gauss(0, 0.6)
        for item in items:
            if rng.random() < 0.04 and len(answers) % 7:  # now and then one left unanswered
                answers[item.id] = None
                continue
            value = min(5, max(1, round(level + shift + rng.gauss(0, 0.7))))
            answers[item.id] = 6 - value if item.reverse else value
        needed = dimension.min_answers_of(respondent)
        unanswered = [i for i in items if answers[i.id] is None]
        for item in unanswered[: needed - (len(items) - len(unanswered))]:
            answers[item.id] = 3  # keep at least the half needed
    return answers


def _context(rng: random.Random) -> dict[str, Any]:
    context: dict[str, Any] = {
        "team_size": rng.randint(4, 15) if rng.random() < 0.9 else rng.randint(2, 60),
        "months_together": rng.choice([3, 6, 9, 12, 18, 24, 36, 48, 60]),
        "new_members_share": rng.choice([0, 0, 0, 0.1, 0.2, 0.25, 0.3, 0.5]),
        "reorganization": rng.random() < 0.08,
        "goal_type": rng.choice(["individual", "group", "mixed"]),
        "rollout_plan": rng.choice(["stepwise", "stepwise", "big_launch", "undecided"]),
        "current_stage": rng.choice(["none", "none", "pilot", "expand", "sustain"]),
    }
    if rng.random() < 0.15:
        del context["months_together"]  # not known: the cautious default
    return context


def profile(rng: random.Random, number: int) -> dict[str, Any]:
    """Team `number`'s profile: its id, the manager's answers, the context, maybe its members."""
    level = rng.triangular(1.8, 4.8, 3.6)
    data: dict[str, Any] = {
        "team_id": f"team-{number:06d}",
        "answers": _answers(rng, level, "manager"),
        "context": _context(rng),
    }
    if rng.random() < MEMBERS_SHARE:
        data["member_answers"] = [
            _answers(rng, level + rng.gauss(-0.2, 0.5), "members")
            for _ in range(rng.randint(3, 12))
        ]
    return data


def profiles(count: int, seed: int = 12) -> list[dict[str, Any]]:
    """`count` teams' profiles, the same for the same seed."""
    rng = random.Random(seed)
    return [profile(rng, number) for number in range(count)]


def write_team_file(path: Path, count: int, seed: int = 12) -> int:
    """A CSV team file as `readiness batch` reads it (a manager's row, a row per member);
    the number of rows written. Streams: no more than one team is held."""
    items = [item.id for d in SOURCE.dimensions for item in d.items]
    header = ["team_id", "name", "unit", "respondent", *CONTEXT_FIELDS, *items]
    rng = random.Random(seed)
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(header)
        for number in range(count):
            for row in _rows(profile(rng, number), number):
                out.writerow([_cell(row.get(column)) for column in header])
                rows += 1
    return rows


def _rows(team: dict[str, Any], number: int) -> Iterator[dict[str, Any]]:
    first = {"team_id": team["team_id"], "name": f"Team {number}"}
    yield {**first, **team["context"], **team["answers"]}
    for index, member in enumerate(team.get("member_answers", []), start=1):
        yield {"team_id": team["team_id"], "respondent": f"m{index}", **member}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float):
        return str(value).replace(".", ",")
    return str(value)
