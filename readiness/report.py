"""The assessment as a report a manager can read in a terminal (`readiness assess --format text`)."""

from __future__ import annotations

import textwrap

from readiness.models import Assessment
from readiness.policy import Policy
from readiness.questionnaire import load_questionnaire
from readiness.vocabulary import Lang

WIDTH = 80
LABELS: dict[str, dict[Lang, str]] = {
    "assessment": {"sv": "Bedömning", "en": "Assessment"},
    "team": {"sv": "Grupp", "en": "Team"},
    "mode": {"sv": "Ledarskap nu", "en": "Leadership now"},
    "stage": {"sv": "Rekommenderat steg", "en": "Recommended stage"},
    "today": {"sv": "i dag", "en": "today"},
    "not_started": {"sv": "inte påbörjat", "en": "not started"},
    "phase": {"sv": "Fas", "en": "Stage of development"},
    "slide_back": {"sv": "tillbaka till fas 1 genom", "en": "back to stage 1 through"},
    "reorganization": {"sv": "omorganisation", "en": "reorganisation"},
    "new_members": {"sv": "många nya medlemmar", "en": "many new members"},
    "readiness": {"sv": "Beredskap", "en": "Readiness"},
    "dimensions": {"sv": "Dimensioner (0–100)", "en": "Dimensions (0–100)"},
    "members_view": {"sv": "medarbetarna", "en": "members"},
    "why": {"sv": "Varför", "en": "Why"},
    "nothing": {"sv": "Inga förbehåll slog till.", "en": "No caveat applies."},
    "steps": {"sv": "Nästa steg", "en": "Next steps"},
    "reassess": {
        "sv": "Gör om bedömningen inom {days} dagar.",
        "en": "Reassess within {days} days.",
    },
    "members_used": {
        "sv": "Medarbetarnas röst: {n} har svarat anonymt; den försiktigare bilden används.",
        "en": "Members' voice: {n} answered anonymously; the more cautious picture is used.",
    },
    "members_unused": {
        "sv": "Medarbetarnas röst: används inte (anonymitetsgräns {threshold}).",
        "en": "Members' voice: not used (anonymity threshold {threshold}).",
    },
    "version": {
        "sv": "Policyversion {policy}, frågeformulär {questionnaire}",
        "en": "Policy version {policy}, questionnaire {questionnaire}",
    },
    "blocker": {"sv": "HINDER", "en": "BLOCKER"},
    "warning": {"sv": "VARNING", "en": "WARNING"},
    "info": {"sv": "INFO", "en": "INFO"},
}


def render_text(assessment: Assessment, policy: Policy) -> str:
    """A plain-text report in the assessment's language, at most 80 columns wide."""
    lang = assessment.lang
    source = load_questionnaire()
    settings = policy.settings

    def label(key: str, **values: object) -> str:
        return LABELS[key][lang].format(**values)

    heading = label("assessment") + (
        f" – {label('team')} {assessment.team_id}" if assessment.team_id else ""
    )
    current = (
        label("not_started")
        if assessment.current_stage == "none"
        else settings.stages[assessment.current_stage].title(lang).lower()
    )
    phase_dimension = next(d for d in source.dimensions if d.phase == assessment.phase)
    assert phase_dimension.phase_title is not None
    phase = f"{assessment.phase} – {phase_dimension.phase_title(lang)}"
    if assessment.phase_reason != "scores":
        phase += f" ({label('slide_back')} {label(assessment.phase_reason)})"
    lines = [
        heading,
        "=" * len(heading),
        f"{label('mode')}: {settings.modes[assessment.mode].title(lang)}",
        *_wrap(settings.modes[assessment.mode].description(lang), "  "),
        f"{label('stage')}: {settings.stages[assessment.rollout_stage].title(lang)} ({label('today')}: {current})",
        f"{label('phase')}: {phase}",
        f"{label('readiness')}: {assessment.readiness}/100",
        "",
        label("dimensions"),
    ]
    for dimension in source.dimensions:
        value = assessment.dimensions[dimension.id]
        line = f"  {dimension.title(lang)[:42]:<42} {value:5.1f}  {_bar(value)}"
        if dimension.id in assessment.members.dimensions:
            line += f"  ({label('members_view')} {assessment.members.dimensions[dimension.id]:.0f})"
        lines.append(line)
    lines += ["", label("why")]
    for finding in assessment.findings:
        lines += _wrap(
            finding.message, "  ", first=f"  [{label(finding.severity)}] {finding.caveat}: "
        )
    if not assessment.findings:
        lines.append("  " + label("nothing"))
    lines += ["", label("steps")]
    for step in assessment.next_steps:
        lines.append(f"  [ ] {step.title} ({step.caveat})")
        lines += _wrap(step.detail, "      ")
    lines += ["", label("reassess", days=assessment.reassess_in_days)]
    members = assessment.members
    if members.used:
        lines.append(label("members_used", n=members.respondents))
    elif members.respondents:
        lines.append(label("members_unused", threshold=members.threshold))
    lines.append(
        label(
            "version",
            policy=assessment.policy_version,
            questionnaire=assessment.questionnaire_version,
        )
    )
    return "\n".join(lines) + "\n"


def _bar(value: float, width: int = 14) -> str:
    filled = round(value / 100 * width)
    return "█" * filled + "·" * (width - filled)


def _wrap(text: str, indent: str, first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=first if first is not None else indent,
        subsequent_indent=indent + "  " if first else indent,
    )
