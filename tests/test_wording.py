"""The words of each outcome are built once and kept, up to `Wording.outcomes_kept` of them."""

from __future__ import annotations

import pytest

from readiness import assess, default_policy
from readiness.wording import OUTCOMES_KEPT, wording_for
from tests.conftest import make_profile

# Four profiles whose outcomes differ: a ready team, and three with one condition low.
PROFILES = [
    make_profile(),
    make_profile({"competence": 20}),
    make_profile({"org_support": 20}),
    make_profile({"functional_level": 20}),
]


@pytest.mark.parametrize("kept", [2, OUTCOMES_KEPT])
def test_the_words_of_as_many_outcomes_as_outcomes_kept_are_kept(
    kept: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    wording = wording_for(default_policy(), "en")
    built = []
    say = wording._say
    monkeypatch.setattr(wording, "_say", lambda *a: built.append(a) or say(*a))
    monkeypatch.setattr(wording, "outcomes_kept", kept)
    monkeypatch.setattr(wording, "_said", {})

    first = [assess(p, "en") for p in PROFILES]
    again = [assess(p, "en") for p in PROFILES]

    assert again == first
    assert len({(a.mode, tuple(f.rule for f in a.findings)) for a in first}) == 4
    # The newest makes way: with 2 kept, the first outcome's words stay and the other three are
    # built again; with the default, none is.
    assert len(built) == 4 + (3 if kept == 2 else 0)
