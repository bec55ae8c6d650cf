"""A rule's condition and outcome in words, for the policy page: "Gruppens funktionsnivå är under 40".

The rule files say the same in their own vocabulary (`functional_level: {below: 40}`); this is
that vocabulary read aloud in the reader's language, with the questionnaire's and the policy's
own names for the facts and values. The operators' sentences come in both languages with the
operators themselves (readiness.operators), so they are not in this page's gettext catalog.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from babel.numbers import format_decimal

from api.pages.i18n import N_, gettext_for
from readiness import Policy, questionnaire
from readiness.operators import OPERATORS
from readiness.vocabulary import Lang

# The facts that are neither a dimension nor a context question.
FACT_NAMES = {
    "phase": N_("the group's phase"),
    "phase_reason": N_("the reason for the group's phase"),
    "members_status": N_("the members' voice"),
    "members_respondents": N_("the number of members who answered"),
    "perception_gap": N_("the largest gap between your view and the members' (points)"),
    "manager_gap": N_("the gap between your view of your leadership and the members' (points)"),
    "phase_split_gap": N_(
        "the lead of the strongest phase over a phase two or more apart (points)"
    ),
    "same_answer_share": N_("the share of your answers that are the same value (percent)"),
    "mode": N_("the decided leadership"),
    "rollout_stage": N_("the recommended rollout stage"),
    "largest_gap_dimension": N_("the dimension with the largest gap"),
    "anonymity_threshold": N_("the anonymity threshold"),
}
VALUE_NAMES = {
    ("phase_reason", "scores"): N_("the answers"),
    ("phase_reason", "reorganization"): N_("a reorganisation"),
    ("phase_reason", "new_members"): N_("many new members"),
    ("members_status", "none"): N_("not heard"),
    ("members_status", "below_threshold"): N_("heard by too few to count"),
    ("members_status", "used"): N_("heard"),
}
# Named advice read aloud; advice a policy adds without words here is shown as name and value.
ADVICE_NAMES = {
    ("goals", "group"): N_("group goals"),
    ("goals", "individual"): N_("individual goals may stay"),
}


class PolicyWords:
    """The words of one policy in one language; made once per page, used for every rule."""

    def __init__(self, policy: Policy, lang: Lang) -> None:
        source = questionnaire(lang)
        self._ = gettext_for(lang)
        self.lang = lang
        self.settings = policy.settings
        self.dimensions = {d.id: d.title for d in source.dimensions}
        self.fields = {f.id: f for f in source.context_fields}

    def conditions(self, when: Sequence[Mapping[str, Any]]) -> list[str]:
        """Each test of a rule's `when` as a sentence; all of them must hold."""
        sentences = []
        for test in when:
            values = test["value"] if isinstance(test["value"], list | tuple) else [test["value"]]
            words = [self.value_name(test["fact"], v) for v in values]
            joined = words[0] if len(words) == 1 else self._(" or ").join(words)
            fact = self.fact_name(test["fact"])
            sentence = OPERATORS[test["op"]].sentence(self.lang)
            sentences.append(sentence % {"fact": fact, "value": joined})
        return sentences

    def named(self, text: str) -> str:
        """A rule's text with what it quotes named: "({functional_level} av 100)" -> "([…] av 100)"."""
        return re.sub(r"\{(\w+)\}", lambda match: f"[{self.fact_name(match.group(1))}]", text)

    def fact_name(self, fact: str) -> str:
        if fact in self.dimensions:
            return self.dimensions[fact]
        if fact in self.fields:
            return self.fields[fact].title
        return self._(FACT_NAMES[fact]) if fact in FACT_NAMES else fact

    def value_name(self, fact: str, value: Any) -> str:
        field = self.fields.get(fact)
        if field and field.choices:
            labels = {c.value: c.label for c in field.choices}
            return f"“{labels.get(value, value)}”"
        if fact == "mode" and value in self.settings.modes:
            return f"“{self.settings.modes[value].title(self.lang)}”"
        if fact == "rollout_stage" and value in self.settings.stages:
            return f"“{self.settings.stages[value].title(self.lang)}”"
        if (fact, value) in VALUE_NAMES:
            return self._(VALUE_NAMES[(fact, value)])
        if isinstance(value, int | float) and not isinstance(value, bool):
            return format_decimal(value, locale=self.lang)
        return str(value)

    def advice(self, name: str, value: str) -> str:
        """A rule's named advice in words: "goals: group" -> "group goals"."""
        words = ADVICE_NAMES.get((name, value))
        return self._(words) if words else f"{name}: {value}"
