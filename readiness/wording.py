"""What an assessment says, in the reader's language: its findings, its plan and its summary.

Two ways to the same words. `plain` builds every text and model anew from the policy, as the
reference; `Wording` builds, once per policy and language, everything that depends only on the
outcome (the fired rules, their findings and steps in order, the reassessment, the summary) and
fills in per assessment only the figures a text quotes. tests/test_differential.py holds them
equal.
"""

from __future__ import annotations

import contextlib
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from readiness.engine import Outcome
from readiness.models import Assessment, Finding, NextStep, TeamProfile, trusted
from readiness.policy import Policy
from readiness.questionnaire import QuestionnaireSource
from readiness.rule import Rule, StepSpec
from readiness.scoring import MANAGER_DIMENSION, Scored
from readiness.texts import Text
from readiness.vocabulary import Lang

STAGE_WORD: dict[Lang, str] = {"sv": "Rekommenderat steg", "en": "Recommended stage"}
MESSAGES_KEPT = 128  # per rule and language: its findings as they quote different figures
# Per policy and language unless told otherwise (`Wording.outcomes_kept`); past it the words
# are put together per call.
OUTCOMES_KEPT = 2_048


class Quotes(dict[str, str]):
    """What a rule's text may quote, written out only when a text asks: 38.5 as "38.5", 40.0 as "40"."""

    def __init__(self, scored: Scored, source: QuestionnaireSource, lang: Lang) -> None:
        super().__init__()
        self._scored, self._source, self._lang = scored, source, lang

    def __missing__(self, name: str) -> str:
        members = self._scored.members
        if name == "anonymity_threshold":
            value = str(members.threshold)
        elif name == "largest_gap_dimension":
            group = [d for d in members.gaps if d != MANAGER_DIMENSION]  # the C5 gap is apart
            largest = max(group, key=lambda d: abs(members.gaps[d]), default=None)
            value = self._source.by_id[largest].title(self._lang).lower() if largest else ""
        elif self._scored.facts.get(name) is not None:
            value = number(self._scored.facts[name], self._lang)
        else:
            value = "–"  # a fact that was not given, e.g. the team size
        self[name] = value
        return value


def number(value: Any, lang: Lang) -> str:
    """A figure as a text quotes it: 38.5 as "38,5" in Swedish and "38.5" in English, 40.0 as "40"."""
    if isinstance(value, float):
        text = f"{value:.1f}".removesuffix(".0")
        return text.replace(".", ",") if lang == "sv" else text
    return str(value)


def plan_order(fired: Sequence[Rule], limiting: Sequence[str], policy: Policy) -> list[int]:
    """The positions of the fired rules with next steps, in the order to take their steps:

    the blockers' steps first, then the steps about the limiting condition, then by caveat in the
    policy's `step_order` (C5 before C4, C7 last), then in the order the rules fired.
    """
    order = policy.settings.step_order

    def rank(position: int) -> tuple[int, int, int, int]:
        rule = fired[position]
        blocker = rule.then.finding is not None and rule.then.finding.severity == "blocker"
        about_limit = any(test.fact in limiting for test in rule.when)
        return (not blocker, not about_limit, order.index(rule.caveat), position)

    return sorted((p for p, rule in enumerate(fired) if rule.then.next_steps), key=rank)


def summary(policy: Policy, outcome: Outcome, lang: Lang) -> str:
    mode = policy.settings.modes[outcome.mode]
    stage = policy.settings.stages[outcome.rollout_stage]
    return (
        f"{mode.title(lang)}: {mode.description(lang)} "
        f"{STAGE_WORD[lang]}: {stage.title(lang)} – {stage.description(lang)}"
    )


def reassess_in_days(fired: Sequence[Rule], policy: Policy) -> int:
    return min(
        (r.then.reassess_in_days for r in fired if r.then.reassess_in_days),
        default=policy.settings.default_reassess_in_days,
    )


def plain(
    profile: TeamProfile,
    scored: Scored,
    outcome: Outcome,
    policy: Policy,
    source: QuestionnaireSource,
    lang: Lang,
) -> Assessment:
    """The assessment, every text and model built anew: the reference the fast path must equal."""
    fired = [policy.by_id[rule_id] for rule_id in outcome.fired]
    quotes = Quotes(scored, source, lang)
    findings = [
        Finding(
            rule=rule.id,
            caveat=rule.caveat,
            severity=rule.then.finding.severity,
            title=rule.title(lang),
            message=rule.then.finding.message(lang).format_map(quotes),
        )
        for rule in fired
        if rule.then.finding is not None
    ]
    entries = [
        (fired[p], step)
        for p in plan_order(fired, scored.limiting, policy)
        for step in fired[p].then.next_steps
    ]
    steps = [
        NextStep(
            id=step.id,
            rule=rule.id,
            caveat=rule.caveat,
            title=step.title(lang).format_map(quotes),
            detail=step.detail(lang).format_map(quotes),
            priority=priority,
            owner=step.owner,
            within_days=step.within_days,
            check=step.check(lang).format_map(quotes),
        )
        for priority, (rule, step) in enumerate(entries, start=1)
    ]
    return Assessment(
        **_fields(
            profile,
            scored,
            outcome,
            findings,
            steps,
            reassess_in_days(fired, policy),
            policy,
            source,
            lang,
            summary(policy, outcome, lang),
        )
    )


def _fields(
    profile: TeamProfile,
    scored: Scored,
    outcome: Outcome,
    findings: list[Finding],
    steps: list[NextStep],
    reassess: int,
    policy: Policy,
    source: QuestionnaireSource,
    lang: Lang,
    said: str,
) -> dict[str, Any]:
    """Every field of the assessment (each one given, so all are set)."""
    return {
        "team_id": profile.team_id,
        "mode": outcome.mode,
        "rollout_stage": outcome.rollout_stage,
        "current_stage": profile.context.current_stage,
        "phase": scored.phase,
        "phase_reason": scored.phase_reason,
        "readiness": scored.readiness,
        "limiting": scored.limiting,
        "dimensions": scored.dimensions,
        "views": scored.views,
        "findings": findings,
        "next_steps": steps,
        "fired_rules": list(outcome.fired),
        "reassess_in_days": reassess,
        "policy_version": policy.version,
        "questionnaire_version": source.version,
        "members": scored.members,
        "lang": lang,
        "summary": said,
    }


class _Words:
    """One text in one language: the finished text, or the template when it quotes a figure."""

    __slots__ = ("done", "template")

    def __init__(self, text: Text, lang: Lang) -> None:
        template = text(lang)
        quotes = any(name for _, name, _, _ in string.Formatter().parse(template) if name)
        self.template = template if quotes else None
        self.done = template if quotes else template.format_map({})

    def say(self, quotes: Mapping[str, str]) -> str:
        return self.done if self.template is None else self.template.format_map(quotes)


class _FindingWords:
    """A rule's finding: the model itself when nothing in it varies, else its parts."""

    def __init__(self, rule: Rule, lang: Lang) -> None:
        assert rule.then.finding is not None
        self.rule, self.title = rule, rule.title(lang)
        self.message = _Words(rule.then.finding.message, lang)
        self.fixed = self._made(self.message.done) if self.message.template is None else None
        self._said: dict[str, Finding] = {}

    def finding(self, quotes: Mapping[str, str]) -> Finding:
        if self.fixed is not None:
            return self.fixed
        message = self.message.say(quotes)
        made = self._said.get(message)  # the figures quoted come from a small set of values
        if made is None:
            made = self._made(message)
            if len(self._said) < MESSAGES_KEPT:
                self._said[message] = made
        return made

    def _made(self, message: str) -> Finding:
        assert self.rule.then.finding is not None
        return Finding(
            rule=self.rule.id,
            caveat=self.rule.caveat,
            severity=self.rule.then.finding.severity,
            title=self.title,
            message=message,
        )


class _StepWords:
    """A next step's texts; the model depends on its priority, so it is made per plan."""

    def __init__(self, rule: Rule, step: StepSpec, lang: Lang) -> None:
        self.rule, self.step = rule, step
        self.title = _Words(step.title, lang)
        self.detail = _Words(step.detail, lang)
        self.check = _Words(step.check, lang)
        self.fixed = all(w.template is None for w in (self.title, self.detail, self.check))

    def made(self, priority: int, quotes: Mapping[str, str]) -> NextStep:
        """The step at place `priority` (1 on), its texts quoting `quotes`: the policy's own
        valid parts, so not validated again (see readiness.models.trusted)."""
        return trusted(
            NextStep,
            {
                "id": self.step.id,
                "rule": self.rule.id,
                "caveat": self.rule.caveat,
                "title": self.title.say(quotes),
                "detail": self.detail.say(quotes),
                "priority": priority,
                "owner": self.step.owner,
                "within_days": self.step.within_days,
                "check": self.check.say(quotes),
            },
        )


@dataclass(frozen=True, slots=True)
class _Said:
    """What one outcome says whatever the figures: reused by every assessment with it."""

    findings: tuple[_FindingWords, ...]
    steps: tuple[NextStep | _StepWords, ...]  # a finished model, or the words to finish one
    reassess_in_days: int
    summary: str
    quotes: bool  # whether any text of it quotes a figure


class Wording:
    """Everything an assessment says under one policy in one language, built once per outcome."""

    def __init__(self, policy: Policy, lang: Lang) -> None:
        self.policy, self.lang = policy, lang
        self._findings = {
            r.id: _FindingWords(r, lang) for r in policy.rules if r.then.finding is not None
        }
        self._steps = {
            r.id: tuple(_StepWords(r, s, lang) for s in r.then.next_steps) for r in policy.rules
        }
        self._said: dict[tuple[Outcome, tuple[str, ...]], _Said] = {}
        # How many outcomes' words are kept; a batch's process keeps more (RuleEngine.cache_size).
        self.outcomes_kept = OUTCOMES_KEPT
        # What plan_order ranks a rule by, worked out once: whether it is a blocker, the
        # facts it tests (is it about the limiting condition?) and its caveat's place.
        order = policy.settings.step_order
        self._rank = {
            r.id: (
                not (r.then.finding is not None and r.then.finding.severity == "blocker"),
                frozenset(test.fact for test in r.when),
                order.index(r.caveat),
            )
            for r in policy.rules
        }
        self._reassess = {r.id: r.then.reassess_in_days for r in policy.rules}
        # A step whose texts quote nothing is the same model wherever it comes at that place.
        self._placed: dict[tuple[str, str, int], NextStep] = {}
        self._summaries = {
            (mode, stage): summary(policy, Outcome((), mode, stage), lang)
            for mode in policy.settings.modes
            for stage in policy.settings.stages
        }

    def assessment(
        self, profile: TeamProfile, scored: Scored, outcome: Outcome, source: QuestionnaireSource
    ) -> Assessment:
        """The same assessment as `plain`, from the words of this outcome."""
        key = (outcome, tuple(scored.limiting))
        said = self._said.get(key)
        if said is None:
            said = self._say(outcome, scored.limiting)
            if len(self._said) >= self.outcomes_kept:
                # The newest make way: the words of the outcomes met first, often the most
                # common, stay; one step, safe under threads, and no cost on a hit.
                with contextlib.suppress(KeyError):
                    self._said.popitem()
            self._said[key] = said
        quotes: Mapping[str, str] = Quotes(scored, source, self.lang) if said.quotes else {}
        findings = [words.finding(quotes) for words in said.findings]
        steps = [
            step if isinstance(step, NextStep) else step.made(priority, quotes)
            for priority, step in enumerate(said.steps, start=1)
        ]
        # Every part is the library's own and already valid: no second validation (see trusted).
        return trusted(
            Assessment,
            _fields(
                profile,
                scored,
                outcome,
                findings,
                steps,
                said.reassess_in_days,
                self.policy,
                source,
                self.lang,
                said.summary,
            ),
        )

    def _say(self, outcome: Outcome, limiting: Sequence[str]) -> _Said:
        """What `outcome` says with `limiting` as the weakest conditions; as `plain` orders it."""
        fired = outcome.fired
        findings = tuple(self._findings[r] for r in fired if r in self._findings)
        limits = frozenset(limiting)
        ranked = sorted(
            (not_blocker, not (facts & limits), place, position)
            for position, rule in enumerate(fired)
            if self._steps[rule]
            for not_blocker, facts, place in (self._rank[rule],)
        )
        ordered = [words for *_, position in ranked for words in self._steps[fired[position]]]
        steps = tuple(
            self._place(words, priority) if words.fixed else words
            for priority, words in enumerate(ordered, start=1)
        )
        days = [d for r in fired if (d := self._reassess[r])]
        return _Said(
            findings,
            steps,
            min(days, default=self.policy.settings.default_reassess_in_days),
            self._summaries[outcome.mode, outcome.rollout_stage],
            quotes=any(f.fixed is None for f in findings) or any(not w.fixed for w in ordered),
        )

    def _place(self, words: _StepWords, priority: int) -> NextStep:
        key = (words.rule.id, words.step.id, priority)
        placed = self._placed.get(key)
        if placed is None:
            placed = self._placed.setdefault(key, words.made(priority, {}))
        return placed


_wordings: dict[tuple[str, Lang], Wording] = {}


def wording_for(policy: Policy, lang: Lang) -> Wording:
    """The process's wording of this policy version in `lang`, built on first use."""
    key = (policy.version, lang)
    wording = _wordings.get(key)
    if wording is None:
        wording = _wordings.setdefault(key, Wording(policy, lang))
    return wording


def forget() -> None:
    """Drop every wording built so far: the next assessment starts as a new process would."""
    _wordings.clear()
