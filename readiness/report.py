"""The assessment as a report a manager can read in a terminal (`readiness assess --format text`).

The same order as the report page: the decision and what limits the team, then the plan by when
(who carries each step, and how to see it worked), the findings, the dimensions (the manager's
view beside the members' when theirs are used) and the phase profile. At most 80 columns; Swedish
writes decimals with a comma. An assessment made under policy 1 (no `limiting`, steps without
owner or days) is written as it was made: its steps as a checklist.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

from babel.numbers import format_decimal

from readiness.models import Assessment, Finding, NextStep
from readiness.policy import Policy
from readiness.questionnaire import Dimension, load_questionnaire
from readiness.vocabulary import SEVERITIES, Lang

WIDTH = 80
LABELS: dict[str, dict[Lang, str]] = {
    "assessment": {"sv": "Bedömning", "en": "Assessment"},
    "team": {"sv": "Grupp", "en": "Team"},
    "mode": {"sv": "Ledarskap nu", "en": "Leadership now"},
    "stage": {"sv": "Rekommenderat steg", "en": "Recommended stage"},
    "today": {"sv": "i dag", "en": "today"},
    "not_started": {"sv": "inte påbörjat", "en": "not started"},
    "limited_by": {"sv": "Begränsas av", "en": "Limited by"},
    "readiness": {"sv": "Beredskap", "en": "Readiness"},
    "weakest": {"sv": "det svagaste villkoret", "en": "the weakest condition"},
    "steps": {"sv": "Nästa steg", "en": "Next steps"},
    "first_days": {"sv": "De första {days} dagarna", "en": "First {days} days"},
    "days": {"sv": "Dag {start}–{end}", "en": "Days {start}–{end}"},
    "owner": {"sv": "Ansvarig", "en": "Owner"},
    "check": {"sv": "Så vet ni att det fungerar", "en": "How you will know it worked"},
    "why": {"sv": "Varför", "en": "Why"},
    "nothing": {"sv": "Inga förbehåll slog till.", "en": "No caveat applies."},
    "dimensions": {"sv": "Dimensioner (0–100)", "en": "Dimensions (0–100)"},
    "used": {"sv": "Används", "en": "Used"},
    "manager_view": {"sv": "Chefen", "en": "Manager"},
    "members_view": {"sv": "Medarb.", "en": "Members"},
    "used_is": {
        "sv": "Används: den försiktigare av chefens bild och medarbetarnas (i hela femtal).",
        "en": "Used: the more cautious of the manager's and members' view (in steps of 5).",
    },
    "members_median": {"sv": "medarbetarna", "en": "members"},
    "phases": {"sv": "Gruppens fas (tecken, 0–100)", "en": "The group's phase (signs, 0–100)"},
    "phase": {"sv": "Fas", "en": "Phase"},
    "now": {
        "sv": "Gruppen är i fas {number}: {title}.",
        "en": "The group is in phase {number}: {title}.",
    },
    "slide_back": {"sv": "Tillbaka i fas 1 genom", "en": "Back in phase 1 through"},
    "slide_back_then": {"sv": "tillbaka till fas 1 genom", "en": "back to phase 1 through"},
    "reorganization": {"sv": "en omorganisation", "en": "a reorganisation"},
    "new_members": {"sv": "många nya medlemmar", "en": "many new members"},
    "reassess": {
        "sv": "Gör om bedömningen inom {days} dagar.",
        "en": "Reassess within {days} days.",
    },
    "members_used": {
        "sv": "Medarbetarnas röst: {n} har svarat anonymt; den försiktigare bilden används.",
        "en": "Members' voice: {n} answered anonymously; the more cautious picture is used.",
    },
    "members_unused": {
        "sv": "Medarbetarnas röst: färre än {threshold} har svarat; ingenting av deras svar visas "
        "eller används.",
        "en": "Members' voice: fewer than {threshold} answered; nothing of their answers is shown "
        "or used.",
    },
    "version": {
        "sv": "Policyversion {policy}, frågeformulär {questionnaire}",
        "en": "Policy version {policy}, questionnaire {questionnaire}",
    },
    "blocker": {"sv": "HINDER", "en": "BLOCKER"},
    "warning": {"sv": "VARNING", "en": "WARNING"},
    "info": {"sv": "INFO", "en": "INFO"},
    "manager": {"sv": "Chefen", "en": "The manager"},
    "group": {"sv": "Gruppen", "en": "The group"},
    "manager_and_group": {"sv": "Chefen och gruppen", "en": "Manager and group"},
    "hr": {"sv": "HR", "en": "HR"},
    "senior_management": {"sv": "Ledningen", "en": "Senior management"},
}


def render_text(assessment: Assessment, policy: Policy) -> str:
    """A plain-text report in the assessment's language, at most 80 columns wide."""
    report = _Report(assessment, policy)
    sections = [
        report.verdict(),
        report.plan(),
        report.findings(),
        report.dimensions(),
        report.phases(),
        report.footer(),
    ]
    return "\n\n".join("\n".join(lines) for lines in sections if lines) + "\n"


@dataclass(frozen=True)
class Period:
    """The steps due within `end` days and after the period before (day `start` on)."""

    start: int
    end: int
    steps: list[NextStep]


def plan(steps: Sequence[NextStep]) -> list[Period]:
    """The next steps by when they are due, each period in priority order.

    Empty when the steps are not a plan, as under policy 1 (no priority or days).
    """
    if any(s.within_days is None or s.priority is None for s in steps):
        return []
    ordered = sorted(steps, key=lambda s: (s.within_days or 0, s.priority or 0))
    periods: list[Period] = []
    for days, group in groupby(ordered, key=lambda s: s.within_days or 0):
        periods.append(Period(periods[-1].end + 1 if periods else 1, days, list(group)))
    return periods


def by_severity(findings: Sequence[Finding]) -> list[Finding]:
    """Blockers first, then warnings, then notes; in the order the rules fired within each."""
    return sorted(findings, key=lambda finding: SEVERITIES.index(finding.severity))


def number(value: float, lang: Lang) -> str:
    """A score the reader's way, one decimal at most: 52,5 in Swedish, 52.5 in English.

    The report page and the text report write every figure through here."""
    rounded = round(value, 1)
    if rounded == 0:  # -0.0 is kept apart from 0.0, which the cache would not do: "-0" and "0"
        return _written.__wrapped__(rounded, lang)
    return _written(rounded, lang)


# Babel takes about 17 µs to write a number, and a report page shows some 60 of them; a score
# takes at most 1,001 values (0 to 100 in tenths) in each language, so they are kept.
NUMBERS_KEPT = 4_096


@lru_cache(maxsize=NUMBERS_KEPT)
def _written(value: float, lang: Lang) -> str:
    return format_decimal(value, format="#,##0.#", locale=lang)


class _Report:
    def __init__(self, assessment: Assessment, policy: Policy) -> None:
        self.a = assessment
        self.lang: Lang = assessment.lang
        self.settings = policy.settings
        self.source = load_questionnaire()

    def label(self, key: str, **values: object) -> str:
        return LABELS[key][self.lang].format(**values)

    def num(self, value: float) -> str:
        return number(value, self.lang)

    def title(self, dimension: Dimension) -> str:
        if dimension.phase is None or dimension.phase_title is None:
            return dimension.title(self.lang)
        return f"{self.label('phase')} {dimension.phase}: {dimension.phase_title(self.lang)}"

    def verdict(self) -> list[str]:
        a, settings = self.a, self.settings
        heading = self.label("assessment") + (
            f" – {self.label('team')} {a.team_id}" if a.team_id else ""
        )
        current = (
            self.label("not_started")
            if a.current_stage == "none"
            else settings.stages[a.current_stage].title(self.lang).lower()
        )
        stage = settings.stages[a.rollout_stage].title(self.lang)
        lines = [
            heading,
            "=" * len(heading),
            f"{self.label('mode')}: {settings.modes[a.mode].title(self.lang)}",
            *_wrap(settings.modes[a.mode].description(self.lang), "  "),
            f"{self.label('stage')}: {stage} ({self.label('today')}: {current})",
        ]
        if not a.limiting:  # policy 1: the phase up here, readiness the mean of the conditions
            phase = self.source.by_id[_phase_dimension(a.phase)]
            assert phase.phase_title is not None
            named = f"{a.phase} – {phase.phase_title(self.lang)}"
            if a.phase_reason != "scores":
                named += f" ({self.label('slide_back_then')} {self.label(a.phase_reason)})"
            return [
                *lines,
                f"{self.label('phase')}: {named}",
                f"{self.label('readiness')}: {a.readiness}/100",
            ]
        limits = ", ".join(
            f"{self.source.by_id[d].title(self.lang)} {self.num(a.dimensions[d])}"
            for d in a.limiting
        )
        return [
            *lines,
            *_wrap(limits, "  ", first=f"{self.label('limited_by')}: "),
            f"{self.label('readiness')}: {a.readiness}/100 ({self.label('weakest')})",
        ]

    def plan(self) -> list[str]:
        lines = [self.label("steps")]
        periods = plan(self.a.next_steps)
        if not periods:
            for step in self.a.next_steps:  # policy 1: a checklist
                lines += _wrap(f"{step.title} ({step.caveat})", "      ", first="  [ ] ")
                lines += _wrap(step.detail, "      ")
            return lines
        for period in periods:
            lines.append(
                self.label("first_days", days=period.end)
                if period.start == 1
                else self.label("days", start=period.start, end=period.end)
            )
            for step in period.steps:
                lines += self._step(step)
        return lines

    def _step(self, step: NextStep) -> list[str]:
        indent = "      "
        owner = self.label(step.owner) if step.owner else "–"
        return [
            *_wrap(f"{step.title} ({step.caveat})", indent, first="  [ ] "),
            f"{indent}{self.label('owner')}: {owner}",
            *_wrap(step.detail, indent),
            *_wrap(f"{self.label('check')}: {step.check}", indent),
        ]

    def findings(self) -> list[str]:
        lines = [self.label("why")]
        for finding in by_severity(self.a.findings):
            head = f"  [{self.label(finding.severity)}] {finding.caveat}"
            if finding.title:
                head += f" {finding.title}"
            lines += _wrap(finding.message, "    ", first=f"{head}: ")
        if not self.a.findings:
            lines.append("  " + self.label("nothing"))
        return lines

    def dimensions(self) -> list[str]:
        a = self.a
        if a.limiting:
            shown = [d for d in self.source.dimensions if d.phase is None]
            lines = [self._columns(self.label("dimensions"))]
            lines += [line for d in shown for line in self._row(d)]
            if a.views:
                lines.append(f"  {self.label('used_is')}")
            return lines
        lines = [self.label("dimensions")]  # policy 1: all nine, the members' median beside
        for d in self.source.dimensions:
            value = a.dimensions[d.id]
            line = f"  {self.title(d)[:42]:<42} {self.num(value):>5}  {_bar(value)}"
            if d.id in a.members.dimensions:
                median = round(a.members.dimensions[d.id])
                line += f"  ({self.label('members_median')} {median})"
            lines.append(line)
        return lines

    def phases(self) -> list[str]:
        a = self.a
        if not a.limiting:  # policy 1 named the phase in the verdict
            return []
        lines = [self._columns(self.label("phases"))]
        for d in self.source.dimensions:
            if d.phase is not None:
                row = self._row(d)
                lines += [f"> {row[0][2:]}", *row[1:]] if d.phase == a.phase else row
        phase = self.source.by_id[_phase_dimension(a.phase)]
        assert phase.phase_title is not None
        lines.append(f"  {self.label('now', number=a.phase, title=phase.phase_title(self.lang))}")
        if a.phase_reason != "scores":
            lines.append(f"  {self.label('slide_back')} {self.label(a.phase_reason)}.")
        return lines

    def _columns(self, heading: str) -> str:
        if not self.a.views:
            return heading
        return (
            f"{heading:<42}{self.label('used'):>8}{self.label('manager_view'):>8}"
            f"{self.label('members_view'):>8}"
        )

    def _row(self, d: Dimension) -> list[str]:
        """A dimension's line: its name (wrapped, never cut), its score(s) and a bar."""
        value = self.a.dimensions[d.id]
        view = self.a.views.get(d.id)
        if not self.a.views:
            figures = f"{self.num(value):>5}  {_bar(value)}"
        elif view:
            figures = (
                f"{self.num(value):>6}{self.num(view.manager):>8}{self.num(view.members):>8}"
                f"  {_bar(value, 12)}"
            )
        else:
            figures = f"{self.num(value):>6}{'–':>8}{'–':>8}  {_bar(value, 12)}"
        width = WIDTH - 3 - len(figures)
        name = textwrap.wrap(self.title(d), width)
        return [f"  {name[0]:<{width}} {figures}", *(f"    {more}" for more in name[1:])]

    def footer(self) -> list[str]:
        a = self.a
        lines = [self.label("reassess", days=a.reassess_in_days)]
        if a.members.used:
            lines.append(self.label("members_used", n=a.members.respondents_shown))
        else:  # below the threshold not even the count is shown: none and two read alike
            lines.extend(
                _wrap(self.label("members_unused", threshold=a.members.threshold), "  ", "")
            )
        lines.append(
            self.label("version", policy=a.policy_version, questionnaire=a.questionnaire_version)
        )
        return lines


def _phase_dimension(phase: int) -> str:
    return next(d.id for d in load_questionnaire().dimensions if d.phase == phase)


def _bar(value: float, width: int = 14) -> str:
    filled = round(value / 100 * width)
    return "█" * filled + "·" * (width - filled)


def _wrap(text: str, indent: str, first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=first if first is not None else indent,
        subsequent_indent=indent,
    )
