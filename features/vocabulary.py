"""The words the features are written in, and what each one means to the library.

This is a dictionary, not policy: it says what "låg funktionsnivå" or "coachande" stands for, never
what the engine should decide. Levels sit well inside the bands of the default policy; where a
threshold matters, the features give the score as a number instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from readiness.vocabulary import READINESS_DIMENSIONS

# "låg", "måttlig" and "hög" as scores 0–100. Low is below every lower threshold of the default
# policy (40, 50), moderate between the functional level's 40 and 65, high above every upper one.
# Where the manager's answers cannot give the very score (three items on the manager's readiness
# give steps of 8,3), the word stands for the nearest one they can: 83,3 for "hög".
LEVELS: dict[str, float] = {"låg": 30, "måttlig": 50, "hög": 80}
# A phase whose signs are strong, and the phases whose signs are weak beside it.
STRONG_SIGNS, WEAK_SIGNS = 80.0, 20.0

DIMENSIONS: dict[str, str] = {
    "gruppens funktionsnivå": "functional_level",
    "gruppens kompetens": "competence",
    "arbetets samarbetsbehov": "interdependence",
    "chefens beredskap att släppa kontrollen": "manager_readiness",
    "organisationens stöd": "org_support",
    "tecknen på fas 1": "phase_dependency",
    "tecknen på fas 2": "phase_conflict",
    "tecknen på fas 3": "phase_trust",
    "tecknen på fas 4": "phase_work",
}
# The short forms used with a level: "en grupp med låg funktionsnivå", "gruppen har hög kompetens".
LEVEL_NOUNS: dict[str, str] = {"funktionsnivå": "functional_level", "kompetens": "competence"}

MODES: dict[str, str] = {
    "strukturerande": "structuring",
    "coachande": "coaching",
    "medledarskap": "co_leadership",
}
STAGES: dict[str, str] = {
    "förbereda": "prepare",
    "pilot": "pilot",
    "bredda": "expand",
    "upprätthålla": "sustain",
}
# Where the group stands today: a group that has not started counts as preparing (docs/contract.md §5.2).
CURRENT_STAGES: dict[str, str] = {
    word: "none" if stage == "prepare" else stage for word, stage in STAGES.items()
}
SEVERITIES: dict[str, str] = {"hinder": "blocker", "varning": "warning", "upplysning": "info"}
GOALS: dict[str, str] = {
    "gruppmål": "group",
    "individuella mål": "individual",
    "blandade mål": "mixed",
}
PLANS: dict[str, str] = {
    "införandet sker stegvis": "stepwise",
    "planen är en stor lansering": "big_launch",
    "införandet är inte bestämt": "undecided",
    "införandet inte är bestämt": "undecided",  # after "att": "Givet att införandet inte är bestämt"
}
COUNTS: dict[str, int] = {
    word: number
    for number, words in enumerate(
        [("ingen",), ("en", "ett"), ("två",), ("tre",), ("fyra",), ("fem",), ("sex",), ("sju",)]
    )
    for word in words
}
# Who carries out a next step: "Och steget leds av HR".
OWNERS: dict[str, str] = {
    "chefen": "manager",
    "gruppen": "group",
    "chefen och gruppen": "manager_and_group",
    "chefen tillsammans med gruppen": "manager_and_group",
    "hr": "hr",
    "ledningen": "senior_management",
}
# The conditions readiness is the weakest of, as the report names what limits the team.
CONDITIONS: dict[str, str] = {
    word: dimension for word, dimension in DIMENSIONS.items() if dimension in READINESS_DIMENSIONS
}


class UnknownWord(ValueError):
    """A scenario used a word the vocabulary does not know; says which words it does know."""


T = TypeVar("T")


def meaning(table: Mapping[str, T], word: str, what: str) -> T:
    """What `word` means in `table`, or UnknownWord naming the words a scenario may use."""
    try:
        return table[word.strip().lower()]
    except KeyError:
        known = ", ".join(f'"{w}"' for w in table)
        raise UnknownWord(f'unknown {what} "{word}"; the features know {known}') from None


def count(word: str) -> int:
    """A number of people written as a digit or a word: "3", "tre", "ingen"."""
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    if word not in COUNTS:
        raise UnknownWord(f'unknown number "{word}"; write digits or one of {", ".join(COUNTS)}')
    return COUNTS[word]


def number(text: str) -> float:
    """A number as Swedish writes it, with a decimal comma: "57,5"."""
    return float(text.replace(",", "."))
