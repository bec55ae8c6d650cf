"""The batch's profile hash, written the fast way, is the hash the first batch wrote (issue 12).

Stored rows are found again by this hash ("a file sent twice stores nothing twice", also across
an upgrade), so it must stay byte for byte what it was: sha256 of the profile's JSON document
with sorted keys, as `json.dumps(..., sort_keys=True, ensure_ascii=False)` writes it. The
reference below is that formula written out again, not the module's own plain path.
"""

from __future__ import annotations

import hashlib
import json
import random
from typing import Any

import pytest

from benchmarks.profiles import profile as realistic_profile
from readiness.models import Context, TeamProfile
from readiness.service import parse_profile
from readiness.usecases import batch
from readiness.usecases.batch import profile_hash
from tests.test_differential import random_profile


def reference(profile: TeamProfile) -> str:
    """The hash as the batch has written it since it first stored one."""
    document = json.dumps(profile.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(document.encode()).hexdigest()


def shuffled(data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """The same profile with every mapping's keys in another order."""

    def mixed(mapping: dict[str, Any]) -> dict[str, Any]:
        keys = list(mapping)
        rng.shuffle(keys)
        return {key: mapping[key] for key in keys}

    out = mixed(data)
    out["answers"] = mixed(out["answers"])
    if "context" in out:
        out["context"] = mixed(out["context"])
    if "member_answers" in out:
        out["member_answers"] = [mixed(member) for member in out["member_answers"]]
    return out


def test_the_hash_of_varied_profiles_is_the_first_batchs_hash() -> None:
    rng = random.Random(20_261_128)
    checked = with_members = without_id = 0
    for number in range(1_500):
        data = random_profile(rng, number) if number % 2 else realistic_profile(rng, number)
        if number % 5 == 0:
            data = shuffled(data, rng)
        if number % 7 == 0:
            data["team_id"] = rng.choice(["Kundtjänst-Nord", "ÅÄÖ_lag.3", "équipe-ü", "t"])
        profile = parse_profile(data)
        assert profile_hash(profile) == reference(profile), data
        assert batch._canonical(profile) is not None  # the fast way, not the fallback
        checked += 1
        with_members += bool(profile.member_answers)
        without_id += profile.team_id is None
    assert checked == 1_500
    assert with_members > 300
    assert without_id > 100


def test_key_order_does_not_change_the_hash() -> None:
    rng = random.Random(3)
    data = random_profile(rng, 3)  # number 3: with members
    hashes = {profile_hash(parse_profile(shuffled(data, rng))) for _ in range(20)}
    assert len(hashes) == 1


@pytest.mark.parametrize(
    "share", [0.0, 0.1, 0.2, 1 / 3, 0.49, 0.5, 1.0, 1e-7, 0.30000000000000004, 5e-324]
)
def test_shares_are_written_as_json_dumps_writes_them(share: float) -> None:
    data = random_profile(random.Random(8), 1) | {"team_id": "lag-1"}
    data["context"] = {**data.get("context", {}), "new_members_share": share}
    profile = parse_profile(data)
    assert profile_hash(profile) == reference(profile)


@pytest.mark.filterwarnings("ignore:Pydantic serializer warnings")  # the values are odd on purpose
def test_values_the_fast_way_does_not_know_take_the_plain_way() -> None:
    """A profile built without validation may hold what a valid one never does (a missing
    answer as None, an answer off the scale, a bool, a float, a NaN share): the same hash still."""
    valid = parse_profile(random_profile(random.Random(11), 3) | {"team_id": "lag-2"})
    answers = dict(valid.answers)
    first, second, third = list(answers)[:3]
    odd_answers = {**answers, first: None, second: 9, third: True}
    members = [{**valid.member_answers[0], next(iter(valid.member_answers[0])): 2.0}]
    context = valid.context.model_copy(update={"new_members_share": float("nan")})
    for odd in (
        valid.model_copy(update={"answers": odd_answers}),
        valid.model_copy(update={"member_answers": members}),
        valid.model_copy(update={"context": context}),
        valid.model_copy(update={"context": valid.context.model_copy(update={"team_size": None})}),
        valid.model_copy(update={"team_id": None, "member_answers": []}),
        valid.model_copy(update={"answers": {**answers, "not-an-item": 3}}),
    ):
        assert profile_hash(odd) == reference(odd)


def test_a_hash_stored_by_the_first_batch_is_found_again() -> None:
    """Pinned: the hash the earlier code gave this profile, as rows already stored hold it."""
    profile = TeamProfile.model_construct(
        team_id="kundtjänst-nord",
        answers={"fl_safe_to_err": 4, "co_take_initiative": 2},
        context=Context(new_members_share=0.25, team_size=7, goal_type="group"),
        member_answers=[{"fl_safe_to_err": 5}, {}],
    )
    assert batch._canonical(profile) is not None
    assert profile_hash(profile) == reference(profile)
    assert profile_hash(profile) == PINNED


PINNED = "78eee38febed3a5987ec6ee5755a8aa414d6bbe56aaf6fcd01c06e111a213c9a"  # by the code before issue 12's fast hash
