from __future__ import annotations

import pytest

from readiness.builder import answers_for, expressible
from readiness.questionnaire import load_questionnaire
from readiness.scoring import dimension_scores

SOURCE = load_questionnaire()


@pytest.mark.parametrize("score", [0, 5, 35, 40, 62.5, 65, 100])
def test_answers_for_gives_the_asked_score_where_five_items_can_express_it(score: float) -> None:
    scores = dimension_scores(answers_for({"functional_level": score}), SOURCE)

    assert scores["functional_level"] == expressible("functional_level", score)


def test_unasked_dimensions_get_the_default_and_unknown_ones_are_refused() -> None:
    assert dimension_scores(answers_for({}, default=40), SOURCE)["org_support"] == 40
    with pytest.raises(ValueError, match="unknown dimensions"):
        answers_for({"happiness": 50})


def test_expressible_scores_are_exact_numbers() -> None:
    assert [expressible("functional_level", s) for s in (35, 55, 65)] == [35.0, 55.0, 65.0]
