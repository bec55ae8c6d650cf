"""A rule's condition and outcome in words, for the policy page: "Gruppens funktionsnivå är under 40".

The rule files say the same in their own vocabulary (`functional_level: {below: 40}`); this is
that vocabulary read aloud in the reader's language, with the questionnaire's and the policy's
own names for the facts and values.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from babel.numbers import format_decimal

from api.pages.i18n import N_, gettext_for
from readiness import Policy, questionnaire
from readiness.vocabulary import Lang

# The facts that are neither a dimension nor a context question.
FACT_NAMES = {
    "phase": N_("the group's phase"),
    "phase_reason": N_("the reason for the group's phase"),
    "members_status": N_("the members' answers"),
    "members_respondents": N_("the number of members who answered"),
    "perception_gap": N_("the largest gap between your view and the members' (points)"),
    "mode": N_("the decided leadership"),
    "rollout_stage": N_("the recommended rollout stage"),
    "largest_gap_dimension": N_("the dimension with the largest gap"),
    "anonymity_threshold": N_("the anonymity threshold"),
}
VALUE_NAMES = {
    ("phase_reason", "scores"): N_("the answers"),
    ("phase_reason", "reorganization"): N_("a reorganisation"),
    ("phase_reason", "new_members"): N_("many new members"),
    ("members_status", "none"): N_("not given"),
    ("members_status", "below_threshold"): N_("too few to be used"),
    ("members_status", "used"): N_("used"),
}
OPERATORS = {
    "below": N_("%(fact)s is below %(value)s"),
    "at_most": N_("%(fact)s is at most %(value)s"),
    "above": N_("%(fact)s is above %(value)s"),
    "at_least": N_("%(fact)s is at least %(value)s"),
    "is": N_("%(fact)s is %(value)s"),
    "is_not": N_("%(fact)s is not %(value)s"),
    "in": N_("%(fact)s is %(value)s"),
    "not_in": N_("%(fact)s is neither %(value)s"),
}


def condition_words(when: list[Mapping[str, Any]], policy: Policy, lang: Lang) -> list[str]:
    """Each test of a rule's `when` as a sentence in `lang`; all of them must hold."""
    _ = gettext_for(lang)
    fact_name, value_name = _namers(policy, lang)
    sentences = []
    for test in when:
        values = test["value"] if isinstance(test["value"], list | tuple) else [test["value"]]
        words = [value_name(test["fact"], v) for v in values]
        joined = words[0] if len(words) == 1 else _(" or ").join(words)
        sentences.append(
            _(OPERATORS[test["op"]]) % {"fact": fact_name(test["fact"]), "value": joined}
        )
    return sentences


def placeholders_named(text: str, policy: Policy, lang: Lang) -> str:
    """A rule's text with what it quotes named: "({functional_level} av 100)" -> "([…] av 100)"."""
    fact_name, _ = _namers(policy, lang)
    return re.sub(r"\{(\w+)\}", lambda match: f"[{fact_name(match.group(1))}]", text)


def _namers(policy: Policy, lang: Lang) -> tuple[Callable[[str], str], Callable[[str, Any], str]]:
    _ = gettext_for(lang)
    source = questionnaire(lang)
    dimensions = {d.id: d.title for d in source.dimensions}
    fields = {f.id: f for f in source.context_fields}
    settings = policy.settings

    def fact_name(fact: str) -> str:
        if fact in dimensions:
            return dimensions[fact]
        if fact in fields:
            return fields[fact].title
        return _(FACT_NAMES[fact]) if fact in FACT_NAMES else fact

    def value_name(fact: str, value: Any) -> str:
        if fact in fields and fields[fact].choices:
            labels = {c.value: c.label for c in fields[fact].choices}
            return f"“{labels.get(value, value)}”"
        if fact == "mode" and value in settings.modes:
            return f"“{settings.modes[value].title(lang)}”"
        if fact == "rollout_stage" and value in settings.stages:
            return f"“{settings.stages[value].title(lang)}”"
        if (fact, value) in VALUE_NAMES:
            return _(VALUE_NAMES[(fact, value)])
        if isinstance(value, int | float) and not isinstance(value, bool):
            return format_decimal(value, locale=lang)
        return str(value)

    return fact_name, value_name
