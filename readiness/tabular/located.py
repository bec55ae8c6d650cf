"""Problems of a team profile put back where they came from: shared by spreadsheet rows and JSON lines."""

from __future__ import annotations

from typing import Any

from readiness.errors import Loc
from readiness.questionnaire import Respondent, load_questionnaire


def too_few(dimension_id: str, respondent: Respondent, answers: Any) -> str:
    """What to do about a dimension with too few answers: which items, and how many of them."""
    dimension = load_questionnaire().by_id[dimension_id]
    items = dimension.items_of(respondent)
    given = answers if isinstance(answers, dict) else {}
    count = sum(1 for item in items if given.get(item.id) is not None)
    names = ", ".join(item.id for item in items)
    needed = dimension.min_answers_of(respondent)
    why = f"only {count} of {len(items)} answered; answer at least {needed} of these {len(items)} items: {names}"
    return why + " (or none of them)" if respondent == "members" else why


def plain(loc: Loc) -> Loc:
    """A problem's location without pydantic's "[key]" marker for a dict key."""
    return tuple(part for part in loc if part != "[key]")
