"""The features are written as documentation: Swedish, one caveat each, a story, business words."""

from __future__ import annotations

import re
from collections import Counter

import readiness
from features.feature_files import FEATURES_DIR, feature_files
from readiness.vocabulary import CAVEATS, DIMENSIONS

STORY = re.compile(r"Som .+\nvill jag .+\nför att .+")


def test_every_caveat_of_the_handbook_has_a_feature_tagged_for_it() -> None:
    tagged = {tag for f in feature_files() for tag in f.tags}

    missing = [caveat for caveat in CAVEATS if caveat not in tagged]

    assert not missing, f"no feature is tagged {', '.join('@' + c for c in missing)}"


def test_every_feature_is_swedish_tagged_and_sits_in_a_business_area() -> None:
    files = feature_files()

    wrong = [
        f"{f.path.relative_to(FEATURES_DIR)}: {problem}"
        for f in files
        for problem, at_fault in [
            ("not written in Swedish (# language: sv)", f.feature.language != "sv"),
            ("no caveat tag such as @C1", not f.tags & set(CAVEATS)),
            ("not in a business-area folder", f.path.parent == FEATURES_DIR),
        ]
        if at_fault
    ]

    assert files, "no feature files under features/"
    assert not wrong, "\n".join(wrong)


def test_every_feature_opens_with_a_user_story_and_an_english_summary() -> None:
    descriptions = {
        f.feature.name: "\n".join(line.strip() for line in f.feature.description.splitlines())
        for f in feature_files()
    }

    wrong = [
        name
        for name, text in descriptions.items()
        if not STORY.match(text.strip()) or "\nIn English: " not in text
    ]

    assert not wrong, f"these features lack 'Som … vill jag … för att …' or 'In English:': {wrong}"


def test_scenario_names_are_unique_and_free_of_placeholders() -> None:
    # pytest-bdd keeps scenarios by name: a repeated name would silently drop a scenario.
    names = Counter(
        (f.feature.name, s.name.strip()) for f in feature_files() for s in f.scenarios()
    )

    repeated = [f"{feature}: {scenario}" for (feature, scenario), n in names.items() if n > 1]
    templated = [f"{feature}: {scenario}" for feature, scenario in names if "<" in scenario]

    assert not repeated, f"scenario names used twice in a feature: {repeated}"
    assert not templated, f"scenario names with <placeholders>: {templated}"


def test_the_features_speak_the_business_language_not_the_system_s() -> None:
    policy = readiness.default_policy()
    system_words = {
        *DIMENSIONS,
        *(item.id for item in readiness.questionnaire("sv").items),
        *(rule.id for rule in policy.rules),
        "co_leadership",
        "http",
        "json",
        "{",
    }

    spoken = {
        f"{f.path.relative_to(FEATURES_DIR)}: {word}"
        for f in feature_files()
        for word in system_words
        if word in f.path.read_text(encoding="utf-8").lower()
    }

    assert not spoken, f"system words in the prose: {sorted(spoken)}"
