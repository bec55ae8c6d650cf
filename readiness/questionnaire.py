"""The team-profile questionnaire: bilingual source data, and the localized view the contract shows."""

from __future__ import annotations

from functools import cache, cached_property
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from readiness.errors import PolicyError
from readiness.limits import CONTEXT_BOUNDS
from readiness.texts import DATA_DIR, Text, read_yaml
from readiness.vocabulary import CAVEATS, DIMENSIONS, PHASE_DIMENSIONS, Lang

QUESTIONNAIRE_FILE = DATA_DIR / "questionnaire.yaml"
CONTEXT_FIELDS: tuple[str, ...] = (
    "team_size",
    "months_together",
    "new_members_share",
    "reorganization",
    "goal_type",
    "rollout_plan",
    "current_stage",
)

_frozen = ConfigDict(frozen=True, extra="forbid")


Respondent = Literal["manager", "members"]
# Who answers an item: the manager alone, the members alone (anonymously), or both (`team`).
AnsweredBy = Literal["manager", "members", "team"]


class Item(BaseModel):
    model_config = _frozen

    id: str = Field(pattern=r"^[a-z][a-z0-9_]{2,40}$")
    answered_by: AnsweredBy
    reverse: bool
    text: Text

    def answered_by_(self, respondent: Respondent) -> bool:
        """Whether `respondent` answers this item."""
        return self.answered_by in (respondent, "team")


class Dimension(BaseModel):
    model_config = _frozen

    id: str
    caveat: str
    better: Literal["higher", "lower", "neutral"]
    title: Text
    description: Text
    phase: int | None = Field(default=None, ge=1, le=4)
    phase_title: Text | None = None
    items: tuple[Item, ...] = Field(min_length=3)

    @property
    def answered_by(self) -> AnsweredBy:
        """`manager` or `members` when only they answer its items, else `team`."""
        who = {item.answered_by for item in self.items}
        return next(iter(who)) if len(who) == 1 else "team"

    def items_of(self, respondent: Respondent) -> tuple[Item, ...]:
        """The items `respondent` answers."""
        return self._by_respondent[respondent]

    @cached_property
    def _by_respondent(self) -> dict[Respondent, tuple[Item, ...]]:
        # Asked for every dimension of every profile validated: worked out once.
        return {
            who: tuple(item for item in self.items if item.answered_by_(who))
            for who in ("manager", "members")
        }

    def min_answers_of(self, respondent: Respondent) -> int:
        """At least half of the items a respondent answers (docs/contract.md §4.3); 0 for none."""
        return (len(self.items_of(respondent)) + 1) // 2

    @property
    def min_answers(self) -> int:
        """What the manager must answer at least."""
        return self.min_answers_of("manager")


class Choice(BaseModel):
    model_config = _frozen

    value: str
    label: Text


class ContextField(BaseModel):
    model_config = _frozen

    id: str
    type: Literal["integer", "number", "boolean", "choice"]
    title: Text
    help: Text
    default: Any = None
    choices: tuple[Choice, ...] = ()

    @property
    def bounds(self) -> tuple[float | None, float | None]:
        """The smallest and largest value of a number field (readiness.limits), else (None, None)."""
        return CONTEXT_BOUNDS.get(self.id, (None, None))


class Scale(BaseModel):
    model_config = _frozen

    min: int
    max: int
    labels: dict[Lang, dict[int, str]]


class QuestionnaireSource(BaseModel):
    """Both languages at once, as stored in ``readiness/data/questionnaire.yaml``."""

    model_config = _frozen

    version: str
    scale: Scale
    dimensions: tuple[Dimension, ...]
    context_fields: tuple[ContextField, ...]

    @model_validator(mode="after")
    def _consistent(self) -> QuestionnaireSource:
        if (self.scale.min, self.scale.max) != (1, 5):
            raise ValueError("the scale is 1..5 (docs/contract.md §3)")
        ids = [d.id for d in self.dimensions]
        if tuple(ids) != DIMENSIONS:
            raise ValueError(f"dimensions must be exactly {DIMENSIONS} in that order, got {ids}")
        item_ids = [i.id for d in self.dimensions for i in d.items]
        duplicates = sorted({i for i in item_ids if item_ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"item ids used twice: {duplicates}")
        for d in self.dimensions:
            if not d.items_of("manager"):
                raise ValueError(f"dimension {d.id}: the manager answers none of its items")
            if d.caveat not in CAVEATS:
                raise ValueError(f"dimension {d.id}: unknown caveat {d.caveat}")
            if (d.id in PHASE_DIMENSIONS) != (d.phase is not None):
                raise ValueError(f"dimension {d.id}: only the phase dimensions carry a phase")
        fields = tuple(f.id for f in self.context_fields)
        if fields != CONTEXT_FIELDS:
            raise ValueError(f"context fields must be {CONTEXT_FIELDS}, got {fields}")
        return self

    @cached_property
    def items(self) -> dict[str, tuple[Item, Dimension]]:
        """Every item by id, with the dimension it belongs to."""
        return {item.id: (item, dim) for dim in self.dimensions for item in dim.items}

    @cached_property
    def item_rank(self) -> dict[str, int]:
        """Each item id's place in the questionnaire (`readiness.vocabulary.in_order`)."""
        return {item_id: place for place, item_id in enumerate(self.items)}

    @cached_property
    def by_id(self) -> dict[str, Dimension]:
        return {d.id: d for d in self.dimensions}


@cache
def load_questionnaire() -> QuestionnaireSource:
    """The packaged questionnaire, read and validated once per process."""
    try:
        return QuestionnaireSource.model_validate(read_yaml(QUESTIONNAIRE_FILE))
    except (OSError, ValidationError) as error:
        raise PolicyError(str(QUESTIONNAIRE_FILE), str(error)) from error


# The localized view: the shapes of docs/contract.md §3 (`GET /api/v1/questionnaire?lang=`).
_view = ConfigDict(frozen=True)


class ScaleView(BaseModel):
    model_config = _view

    min: int
    max: int
    labels: dict[int, str]


class DimensionView(BaseModel):
    model_config = _view

    id: str
    title: str
    description: str
    caveat: str
    answered_by: AnsweredBy
    min_answers: int = Field(description="what the manager must answer at least")
    items: tuple[str, ...]
    phase: int | None = None
    phase_title: str | None = None


class ItemView(BaseModel):
    model_config = _view

    id: str
    dimension: str
    text: str
    reverse: bool
    answered_by: AnsweredBy = Field(
        description="who answers it: manager, members (anonymously) or team (both)"
    )


class ChoiceView(BaseModel):
    model_config = _view

    value: str
    label: str


class ContextFieldView(BaseModel):
    model_config = _view

    id: str
    type: Literal["integer", "number", "boolean", "choice"]
    title: str
    help: str
    default: Any = None
    min: float | None = None
    max: float | None = None
    choices: tuple[ChoiceView, ...] = ()


class Questionnaire(BaseModel):
    """The questionnaire in one language; immutable, so one copy serves every caller."""

    model_config = _view

    version: str
    lang: Lang
    scale: ScaleView
    dimensions: tuple[DimensionView, ...]
    items: tuple[ItemView, ...]
    context_fields: tuple[ContextFieldView, ...]


@cache
def _localized(lang: Lang) -> Questionnaire:
    source = load_questionnaire()
    return Questionnaire(
        version=source.version,
        lang=lang,
        scale=ScaleView(
            min=source.scale.min, max=source.scale.max, labels=source.scale.labels[lang]
        ),
        dimensions=tuple(
            DimensionView(
                id=d.id,
                title=d.title(lang),
                description=d.description(lang),
                caveat=d.caveat,
                answered_by=d.answered_by,
                min_answers=d.min_answers,
                items=tuple(i.id for i in d.items),
                phase=d.phase,
                phase_title=d.phase_title(lang) if d.phase_title else None,
            )
            for d in source.dimensions
        ),
        items=tuple(
            ItemView(
                id=i.id,
                dimension=d.id,
                text=i.text(lang),
                reverse=i.reverse,
                answered_by=i.answered_by,
            )
            for d in source.dimensions
            for i in d.items
        ),
        context_fields=tuple(
            ContextFieldView(
                id=f.id,
                type=f.type,
                title=f.title(lang),
                help=f.help(lang),
                default=f.default,
                min=f.bounds[0],
                max=f.bounds[1],
                choices=tuple(ChoiceView(value=c.value, label=c.label(lang)) for c in f.choices),
            )
            for f in source.context_fields
        ),
    )


def questionnaire(lang: Lang = "sv") -> Questionnaire:
    """The questionnaire in `lang` (``sv`` or ``en``): dimensions, items, scale and context fields."""
    if lang not in ("sv", "en"):
        raise ValueError(f"unknown language {lang!r}; use 'sv' or 'en'")
    return _localized(lang)
