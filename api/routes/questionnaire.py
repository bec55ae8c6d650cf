"""GET /questionnaire: the items to answer, in the reader's language."""

from fastapi import APIRouter

from api.deps import LangDep
from api.errors import VALIDATION
from readiness import Questionnaire, questionnaire

router = APIRouter(tags=["questionnaire"])


@router.get("/questionnaire", response_model=Questionnaire, responses=VALIDATION)
def read_questionnaire(lang: LangDep) -> Questionnaire:
    """Dimensions, items, the 1–5 scale and the context fields."""
    return questionnaire(lang)
