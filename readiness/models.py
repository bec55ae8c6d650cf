"""The public contract (docs/contract.md §4 and §5): the team profile that goes in and the assessment that comes out.

A `TeamProfile` that exists is valid: unknown items, answers outside the scale, too few answers in
a dimension and unknown context values are all rejected while it is built, each error located at
the item, dimension or field at fault.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from contextvars import ContextVar
from functools import cache
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    StrictBool,
    StrictInt,
    ValidationError,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from readiness.limits import (
    ANSWER_KEYS_PER_ITEM,
    MAX_MEMBERS,
    MAX_SUGGESTIONS,
    MAX_UNKNOWN_ITEMS,
    MONTHS_TOGETHER,
    NEW_MEMBERS_SHARE,
    TEAM_ID_MAX_LENGTH,
    TEAM_SIZE,
)
from readiness.members import respondents_counted, respondents_shown
from readiness.questionnaire import Dimension, Respondent, load_questionnaire
from readiness.teams import team_slug
from readiness.vocabulary import (
    DIMENSION_RANK,
    CurrentStage,
    GoalType,
    Lang,
    Mode,
    Owner,
    PhaseReason,
    RolloutPlan,
    Severity,
    Stage,
    WithinDays,
    in_order,
)

Model = TypeVar("Model", bound=BaseModel)

# The suggestions still to give in the profile being validated (set by TeamProfile; None outside).
_suggestions_left: ContextVar[list[int] | None] = ContextVar("suggestions_left", default=None)


def max_answer_keys() -> int:
    """The most answers (keys) one respondent may send: twice the questionnaire's items."""
    return ANSWER_KEYS_PER_ITEM * len(load_questionnaire().items)


def _suggestion_allowed() -> bool:
    left = _suggestions_left.get()
    if left is None:
        return True
    if left[0] <= 0:
        return False
    left[0] -= 1
    return True


def _known_item(item_id: str) -> str:
    if item_id not in load_questionnaire().items:
        close = (
            difflib.get_close_matches(item_id, load_questionnaire().items, n=1)
            if _suggestion_allowed()
            else []
        )
        hint = (
            f"; did you mean {close[0]!r}?" if close else "; the questionnaire lists the valid ids"
        )
        raise PydanticCustomError(
            "unknown_item", "unknown item id {item}" + hint, {"item": repr(item_id)}
        )
    return item_id


def _answered_by(respondent: Respondent, item_id: str) -> str:
    item, dimension = load_questionnaire().items[_known_item(item_id)]
    if not item.answered_by_(respondent):
        other = "the members" if respondent == "manager" else "the manager"
        # Two codes, so that a client of the first contract keeps its `manager_only_item`.
        code = "members_only_item" if respondent == "manager" else "manager_only_item"
        raise PydanticCustomError(
            code,
            "item {item} ({dimension}) is answered by {other} only",
            {"item": repr(item_id), "dimension": dimension.id, "other": other},
        )
    return item_id


@cache
def _items_answered_by(respondent: Respondent) -> frozenset[str]:
    """The ids of the items `respondent` answers: the common case, one look-up per answer."""
    items = load_questionnaire().items.values()
    return frozenset(item.id for item, _ in items if item.answered_by_(respondent))


def _manager_item(item_id: str) -> str:
    if item_id in _items_answered_by("manager"):
        return item_id
    return _answered_by("manager", item_id)  # says what is wrong with it


def _member_item(item_id: str) -> str:
    if item_id in _items_answered_by("members"):
        return item_id
    return _answered_by("members", item_id)


_NONE = type(None)


def _plainly_valid(answers: Any, respondent: Respondent) -> bool:
    """Whether `answers` is a dict of `respondent`'s item ids to whole numbers on the scale or
    None: what the item-by-item validation accepts unchanged. Checked a whole answer set at a
    time (set operations, no call per answer), so valid answers cost a few microseconds; False
    only sends them through that validation, which says what is wrong."""
    if type(answers) is not dict:
        return False
    if not answers.keys() <= _items_answered_by(respondent):
        return False
    if not set(map(type, answers)) <= _STR or not set(map(type, answers.values())) <= _INT:
        return False
    return set(answers.values()) <= _on_the_scale()


_STR, _INT = frozenset({str}), frozenset({int, _NONE})


@cache
def _on_the_scale() -> frozenset[int | None]:
    """Every answer `_on_scale` accepts, and None (not answered)."""
    low, high = _scale()
    return frozenset({*range(low, high + 1), None})


@cache
def _scale() -> tuple[int, int]:
    scale = load_questionnaire().scale
    return scale.min, scale.max


def _on_scale(value: int) -> int:
    low, high = _scale()
    if not low <= value <= high:
        scale = load_questionnaire().scale
        raise PydanticCustomError(
            "answer_out_of_scale",
            "{value} is outside the scale; answer a whole number from {min} to {max}",
            {"value": value, "min": scale.min, "max": scale.max},
        )
    return value


Score = Annotated[
    StrictInt,
    AfterValidator(_on_scale),
    Field(
        json_schema_extra={"minimum": 1, "maximum": 5},
        description="1 = does not agree at all … 5 = agrees completely",
    ),
]
ItemId = Annotated[str, AfterValidator(_manager_item)]
MemberItemId = Annotated[str, AfterValidator(_member_item)]


def _team_slug(text: str) -> str:
    try:
        return team_slug(text)
    except ValueError as error:
        raise PydanticCustomError("team_id", str(error)) from None


TeamId = Annotated[
    str,
    Field(
        min_length=1,
        max_length=TEAM_ID_MAX_LENGTH,
        description="letters of any script, digits, '.', '_' and '-', starting with a letter or "
        "digit; case-insensitive (stored in lower case): 'Kundtjänst-Nord' is 'kundtjänst-nord'",
    ),
    AfterValidator(_team_slug),
]


class Context(BaseModel):
    """What the questionnaire cannot see; every field has its cautious default (docs/contract.md §4.2)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    team_size: StrictInt | None = Field(default=None, ge=TEAM_SIZE[0], le=TEAM_SIZE[1])
    months_together: StrictInt | None = Field(
        default=None, ge=MONTHS_TOGETHER[0], le=MONTHS_TOGETHER[1]
    )
    new_members_share: float = Field(default=0.0, ge=NEW_MEMBERS_SHARE[0], le=NEW_MEMBERS_SHARE[1])
    reorganization: StrictBool = False
    goal_type: GoalType = "individual"
    rollout_plan: RolloutPlan = "undecided"
    current_stage: CurrentStage = "none"


class TeamProfile(BaseModel):
    """A manager's answers about the team, its context and, optionally, members' anonymous answers.

    An answer of ``null`` counts as not answered. Each dimension needs at least half of its items
    answered; a member may skip a whole dimension but otherwise follows the same rule.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    team_id: TeamId | None = None
    answers: dict[ItemId, Score | None] = Field(min_length=1)
    context: Context = Context()
    member_answers: list[dict[MemberItemId, Score | None]] = Field(
        default_factory=list, max_length=MAX_MEMBERS
    )

    @model_validator(mode="wrap")
    @classmethod
    def _within_limits(
        cls, data: Any, handler: ModelWrapValidatorHandler[TeamProfile]
    ) -> TeamProfile:
        """Count the answers, and the unknown item ids, before any item is looked up: one problem
        for too many, not one per key; and a "did you mean" for the first MAX_SUGGESTIONS only."""
        if isinstance(data, Mapping):
            _raise_if(_oversized(data) or _too_many_unknown(data), "TeamProfile")
        left = _suggestions_left.set([MAX_SUGGESTIONS])
        try:
            return handler(data)
        finally:
            _suggestions_left.reset(left)

    # The two wrap validators come first: pydantic runs the validators of a field defined later
    # around those defined earlier, so `_not_empty` still sees the answers first and
    # `_enough_answers` and `_enough_member_answers` see what these return.
    @field_validator("answers", mode="wrap")
    @classmethod
    def _answers_plainly_valid(cls, answers: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        """Answers that are plainly valid pass as they are; any others go through the full
        validation of each item and value, which names what is wrong with each."""
        return answers if _plainly_valid(answers, "manager") else handler(answers)

    @field_validator("member_answers", mode="wrap")
    @classmethod
    def _member_answers_plainly_valid(
        cls, members: Any, handler: ValidatorFunctionWrapHandler
    ) -> Any:
        if (
            type(members) is list
            and len(members) <= MAX_MEMBERS
            and all(_plainly_valid(answers, "members") for answers in members)
        ):
            return members
        return handler(members)

    @field_validator("answers", mode="before")
    @classmethod
    def _not_empty(cls, answers: Any) -> Any:
        if isinstance(answers, Mapping) and not answers:
            raise PydanticCustomError(
                "too_short",
                "no answers given: answer at least the items of each dimension that the "
                "questionnaire asks for (at least half of them)",
            )
        return answers

    @field_validator("answers")
    @classmethod
    def _enough_answers(cls, answers: dict[str, int | None]) -> dict[str, int | None]:
        given = _without_none(answers)
        _raise_if(_short_dimensions(given, "manager", loc=()), "answers")
        return given

    @field_validator("member_answers")
    @classmethod
    def _enough_member_answers(
        cls, members: list[dict[str, int | None]]
    ) -> list[dict[str, int | None]]:
        kept = [_without_none(m) for m in members]
        problems = [
            error
            for index, member in enumerate(kept)
            for error in _short_dimensions(member, "members", loc=(index,))
        ]
        _raise_if(problems, "member_answers")
        return [
            member for member in kept if member
        ]  # a member who skipped everything did not answer


def _without_none(answers: dict[str, int | None]) -> dict[str, int | None]:
    """A new dict of the answers given: the unanswered (None) left out.

    Copied and searched in C, then the few unanswered deleted: cheaper than a comprehension
    that visits every answer in Python."""
    given = answers.copy()
    values = list(answers.values())
    if None in values:
        keys, at = list(answers), -1
        for _ in range(values.count(None)):
            at = values.index(None, at + 1)
            del given[keys[at]]
    return given


def _oversized(data: Mapping[str, Any]) -> list[InitErrorDetails]:
    """Answer sets with more keys than any respondent can mean, and too many members: counted
    only, so that a profile with 40,000 keys costs as little as one with 40."""
    limit = max_answer_keys()
    problems = []
    answers = data.get("answers")
    if isinstance(answers, Mapping) and len(answers) > limit:
        problems.append(_too_many_answers(len(answers), limit, ("answers",)))
    members = data.get("member_answers")
    if isinstance(members, list | tuple):
        if len(members) > MAX_MEMBERS:
            problems.append(
                InitErrorDetails(
                    type=PydanticCustomError(
                        "too_long",
                        "{count} members' answer sets; at most {limit} are accepted",
                        {"count": f"{len(members):,}", "limit": f"{MAX_MEMBERS:,}"},
                    ),
                    loc=("member_answers",),
                    input=len(members),
                )
            )
        else:
            problems.extend(
                _too_many_answers(len(member), limit, ("member_answers", index))
                for index, member in enumerate(members)
                if isinstance(member, Mapping) and len(member) > limit
            )
    return problems


def _too_many_unknown(data: Mapping[str, Any]) -> list[InitErrorDetails]:
    """One problem when more than MAX_UNKNOWN_ITEMS keys of the profile are no item at all."""
    known = load_questionnaire().items
    members = data.get("member_answers")
    sets = [data.get("answers"), *(members if isinstance(members, list | tuple) else ())]
    # Counted a set at a time, in C (no set is built for one of known ids alone); listed only
    # when there are too many.
    count = sum(
        len(answers) - len(answers.keys() & known.keys())
        for answers in sets
        if isinstance(answers, Mapping) and not answers.keys() <= known.keys()
    )
    if count <= MAX_UNKNOWN_ITEMS:
        return []
    unknown = [
        key
        for answers in sets
        if isinstance(answers, Mapping)
        for key in answers
        if key not in known
    ]
    examples = ", ".join(_shortened(repr(key)) for key in list(dict.fromkeys(unknown))[:3])
    return [
        InitErrorDetails(
            type=PydanticCustomError(
                "too_many_unknown_items",
                "{count} unknown item ids (among them {examples}); at most {limit} are accepted: "
                "use the ids the questionnaire lists",
                {"count": f"{len(unknown):,}", "examples": examples, "limit": MAX_UNKNOWN_ITEMS},
            ),
            loc=(),
            input=len(unknown),
        )
    ]


def _shortened(text: str, length: int = 40) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _too_many_answers(count: int, limit: int, loc: tuple[str | int, ...]) -> InitErrorDetails:
    return InitErrorDetails(
        type=PydanticCustomError(
            "too_many_answers",
            "{count} answers given; at most {limit} are accepted (twice the questionnaire's "
            "{items} items)",
            {"count": f"{count:,}", "limit": f"{limit:,}", "items": limit // ANSWER_KEYS_PER_ITEM},
        ),
        loc=loc,
        input=count,
    )


def _short_dimensions(
    answers: Mapping[str, Any], respondent: Respondent, *, loc: tuple[int, ...]
) -> list[InitErrorDetails]:
    """Dimensions with fewer answers than half of the respondent's items; a member may skip one."""
    skip_allowed = respondent == "members"
    problems = []
    given = answers.keys()
    for dimension, theirs, needed in _dimensions_of(respondent):
        count = len(theirs & given)
        if not theirs or (count == 0 and skip_allowed) or count >= needed:
            continue
        also = " or none" if skip_allowed else ""
        problems.append(
            InitErrorDetails(
                type=PydanticCustomError(
                    "too_few_answers",
                    "{dimension}: {count} of {total} items answered; at least {needed} needed"
                    + also,
                    {
                        "dimension": dimension.id,
                        "count": count,
                        "total": len(theirs),
                        "needed": needed,
                    },
                ),
                loc=(*loc, dimension.id),
                input=count,
            )
        )
    return problems


@cache
def _dimensions_of(respondent: Respondent) -> tuple[tuple[Dimension, frozenset[str], int], ...]:
    """Each dimension with the ids of `respondent`'s items in it and how many they must answer."""
    return tuple(
        (
            dimension,
            frozenset(item.id for item in dimension.items_of(respondent)),
            dimension.min_answers_of(respondent),
        )
        for dimension in load_questionnaire().dimensions
    )


def _raise_if(problems: list[InitErrorDetails], title: str) -> None:
    if problems:
        raise ValidationError.from_exception_data(title, problems)


# Fields added by policy 2: always present in assessments made since, absent in ones stored under
# policy 1, which are read back exactly as they were made.
_SINCE_POLICY_2 = "; absent in assessments made under policy 1"


_set = object.__setattr__  # as pydantic sets a model's own attributes, past frozen=True


def trusted(model: type[Model], values: dict[str, Any]) -> Model:
    """A `model` from values made by the library itself, every field given and of its type.

    What `model.model_construct(**values)` makes when `values` names every field (the same
    fields set, so the same JSON with or without `exclude_unset`), without its per-field loop;
    the dictionary becomes the model's own. For the models the assessment builds on every call
    (the members' figures, the views, the assessment), where validating again what was just
    computed is most of their cost. The plain path (`readiness.wording.plain`) validates, and
    tests/test_differential.py holds the two equal byte for byte; tests/test_trusted.py holds
    this equal to validation for each model it builds.
    """
    made = model.__new__(model)
    _set(made, "__dict__", values)
    _set(made, "__pydantic_fields_set__", set(values))
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made


class Finding(BaseModel):
    """Something the policy noticed, traced to the rule and the handbook caveat behind it."""

    model_config = ConfigDict(frozen=True)  # shared among assessments (readiness.wording)

    rule: str
    caveat: str
    severity: Severity
    title: str | None = Field(
        default=None, description="what the finding is about (the rule's title)" + _SINCE_POLICY_2
    )
    message: str


class NextStep(BaseModel):
    """Something to do next, traced to the rule and caveat that call for it: one entry of a plan."""

    model_config = ConfigDict(frozen=True)  # shared among assessments (readiness.wording)

    id: str
    rule: str
    caveat: str
    title: str
    detail: str
    priority: int | None = Field(
        default=None, ge=1, description="1..n, unique, the order to take them in" + _SINCE_POLICY_2
    )
    owner: Owner | None = Field(default=None, description="who carries it out" + _SINCE_POLICY_2)
    within_days: WithinDays | None = Field(
        default=None,
        description="done within 30, 60 or 90 days of the assessment" + _SINCE_POLICY_2,
    )
    check: str | None = Field(
        default=None, description="an observable sign that it worked" + _SINCE_POLICY_2
    )


class View(BaseModel):
    """One dimension as the manager sees it and as the members do (their median)."""

    model_config = ConfigDict(frozen=True)  # shared among assessments (readiness.wording)

    manager: float
    members: float


class Members(BaseModel):
    """Members' anonymous answers, only ever as coarse figures, and only when enough answered.

    The count is never finer than `respondents_shown`: exact from 5, "3–4" below that, and below
    the threshold only that fewer answered (`respondents` 0). An assessment stored before the
    count was coarsened is read back coarsened too.
    """

    respondents: int = Field(
        description="how many members answered: exact from 5 on, the threshold for 3–4, "
        "0 below the threshold"
    )
    respondents_shown: str = Field(
        description='how many answered, as it may be shown: "<3" below the threshold, '
        '"3–4", or the exact count from 5 on'
    )
    threshold: int
    used: bool
    dimensions: dict[str, float] = Field(
        default_factory=dict,
        description="members' figure per dimension: their lower median in whole 5-point steps "
        'within 10..90 ("10" reads 10 or lower, "90" 90 or higher); empty below the threshold',
    )
    gaps: dict[str, float] = Field(
        default_factory=dict, description="manager's score minus the members' figure, per dimension"
    )

    @field_validator("dimensions", "gaps")
    @classmethod
    def _in_questionnaire_order(cls, figures: dict[str, float]) -> dict[str, float]:
        """In the questionnaire's order, however a database read them back (`in_order`)."""
        return in_order(figures, DIMENSION_RANK)

    @model_validator(mode="before")
    @classmethod
    def _coarse_count(cls, data: Any) -> Any:
        """An assessment stored before counts were coarsened carries only `respondents`."""
        if isinstance(data, Mapping) and "respondents_shown" not in data:
            count, threshold = data.get("respondents"), data.get("threshold")
            if isinstance(count, int) and isinstance(threshold, int):
                return {
                    **data,
                    "respondents": respondents_counted(count, threshold),
                    "respondents_shown": respondents_shown(count, threshold),
                }
        return data


class Assessment(BaseModel):
    """The decision for one team profile; the same profile always gives the same assessment."""

    team_id: str | None = None
    mode: Mode
    rollout_stage: Stage
    current_stage: CurrentStage
    phase: int = Field(ge=1, le=4)
    phase_reason: PhaseReason
    readiness: int = Field(
        ge=0,
        le=100,
        description="the weakest of functional level, competence, manager readiness and "
        "organisational support, rounded (under policy 1: their mean)",
    )
    limiting: list[str] = Field(
        default_factory=list,
        description="the dimension(s) at that weakest score, what holds the team back"
        + _SINCE_POLICY_2,
    )
    dimensions: dict[str, float]
    views: dict[str, View] = Field(
        default_factory=dict,
        description="per dimension, the manager's and the members' view side by side, when the "
        "members' answers are used" + _SINCE_POLICY_2,
    )
    findings: list[Finding]
    next_steps: list[NextStep]
    fired_rules: list[str]
    reassess_in_days: int
    policy_version: str
    questionnaire_version: str
    members: Members
    lang: Lang
    summary: str

    @field_validator("dimensions", "views")
    @classmethod
    def _in_questionnaire_order(cls, by_dimension: dict[str, Any]) -> dict[str, Any]:
        """In the questionnaire's order, however a database read them back (`in_order`)."""
        return in_order(by_dimension, DIMENSION_RANK)
