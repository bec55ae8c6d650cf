"""A stored document reads back in the questionnaire's order, on SQLite and on PostgreSQL.

PostgreSQL's jsonb keeps an object's keys in an order of its own (shorter keys first), so before
this was mended an assessment read back there listed its dimensions, views, members' figures and
gaps, and its profile's answers and context, in another order than on SQLite: the same stored
assessment read differently in the API's answer, the report and an export, depending on the
database. Everything is now listed in the questionnaire's order, however it was given or stored.
"""

from __future__ import annotations

from api.storage import Database
from readiness import default_policy, usecases
from readiness.questionnaire import CONTEXT_FIELDS, load_questionnaire
from readiness.vocabulary import DIMENSIONS
from tests.conftest import with_members

ITEMS = list(load_questionnaire().items)


def _profile() -> dict[str, object]:
    """A team with members, its answers and context given in reverse order."""
    made = with_members(6, members={"functional_level": 40}, team_size=8, months_together=12)
    return {
        "team_id": "nord",
        "answers": dict(reversed(made["answers"].items())),
        "context": dict(reversed(made["context"].items())),
        "member_answers": made["member_answers"],
    }


def test_an_assessment_with_members_reads_back_byte_for_byte(database: Database) -> None:
    stored = usecases.assess_and_store(database.unit_of_work(), _profile(), "sv", default_policy())

    with database.unit_of_work() as uow:
        read = uow.assessments.get(stored.id)

    assert read.assessment.model_dump_json() == stored.assessment.model_dump_json()
    assert read.profile.model_dump_json() == stored.profile.model_dump_json()


def test_what_an_assessment_lists_comes_in_the_questionnaires_order(database: Database) -> None:
    stored = usecases.assess_and_store(database.unit_of_work(), _profile(), "sv", default_policy())

    with database.unit_of_work() as uow:
        read = uow.assessments.get(stored.id)

    in_order = [d for d in DIMENSIONS if d in read.assessment.dimensions]
    assert list(read.assessment.dimensions) == in_order
    assert list(read.assessment.views) == [d for d in DIMENSIONS if d in read.assessment.views]
    assert list(read.assessment.members.gaps) == list(read.assessment.views)
    assert list(read.assessment.members.dimensions) == list(read.assessment.views)
    assert len(read.assessment.views) > 1
    assert list(read.profile.answers) == [i for i in ITEMS if i in read.profile.answers]
    assert list(read.profile.context) == [f for f in CONTEXT_FIELDS if f in read.profile.context]
    assert len(read.profile.context) > 1
