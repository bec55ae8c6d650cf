"""The durable-rules wrapper: chaining, sessions past the 1,024 limit, threads, errors, the cache."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from readiness import EngineError, assess, default_policy, load_policy
from readiness.check import sample
from readiness.engine import CACHE_SIZE, RuleEngine, engine_for, keep_sessions_on_heap
from tests.conftest import make_profile, with_members

# A reproducible sample of the whole product of bands (which runs into millions).
ALL_FACTS = sample(default_policy(), 20_000, seed=7)


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def test_rules_on_the_decided_mode_fire_after_the_decision_they_depend_on() -> None:
    outcome = engine_for(default_policy()).evaluate(
        {"functional_level": 20, "phase": 4, "current_stage": "none"}, cached=False
    )

    assert outcome.mode == "structuring"
    assert outcome.fired == ("functional-level-low", "not-now")


def test_3000_evaluations_in_a_row_pass_the_session_limit_without_growing_memory() -> None:
    engine = engine_for(default_policy())
    sample = random.Random(1).choices(ALL_FACTS, k=3000)
    for facts in sample[:300]:  # warm up allocator and caches outside the measurement
        engine.evaluate(facts, cached=False)
    before = rss_kib()

    outcomes = [engine.evaluate(facts, cached=False) for facts in sample]

    assert len(outcomes) == 3000
    assert rss_kib() - before < 4 * 1024, "more than 4 MiB of growth over 3,000 evaluations"


def test_8_threads_at_once_get_exactly_the_single_threaded_results() -> None:
    engine = engine_for(default_policy())
    work = [random.Random(seed).choices(ALL_FACTS, k=500) for seed in range(8)]
    expected = [[engine.evaluate(f, cached=False) for f in facts] for facts in work]
    results: list[list[object]] = [[] for _ in work]

    def run(index: int) -> None:
        results[index] = [engine.evaluate(f, cached=False) for f in work[index]]

    threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert results == expected


def test_8_threads_assessing_profiles_get_the_single_threaded_assessments() -> None:
    rng = random.Random(7)
    profiles = [
        make_profile(
            {
                "functional_level": rng.choice([20, 45, 80]),
                "manager_readiness": rng.choice([30, 70]),
            }
        )
        for _ in range(40)
    ]
    expected = [assess(p) for p in profiles]
    failures: list[int] = []

    def run() -> None:
        for _ in range(500 // len(profiles) + 1):
            failures.extend(i for i, p in enumerate(profiles) if assess(p) != expected[i])

    threads = [threading.Thread(target=run) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []


def test_an_error_inside_a_rule_action_is_raised_not_swallowed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(_caps: object) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr("readiness.engine.decide_mode", broken)

    with pytest.raises(EngineError, match=r"a rule action failed: .*boom"):
        engine_for(default_policy()).evaluate(
            {"functional_level": 50, "current_stage": "none"}, cached=False
        )


def test_the_engine_leaves_no_session_behind_after_a_failed_evaluation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = engine_for(default_policy())
    monkeypatch.setattr("readiness.engine.decide_mode", lambda caps: 1 / 0)
    for _ in range(1100):  # past the 1,024 live sessions a ruleset can hold
        with pytest.raises(EngineError):
            engine.evaluate({"current_stage": "none"}, cached=False)
    monkeypatch.undo()

    assert engine.evaluate({"current_stage": "none"}, cached=False).mode == "co_leadership"


def test_cached_and_uncached_decisions_agree_on_every_band_combination() -> None:
    engine = engine_for(default_policy())
    engine.clear_cache()

    mismatches = [
        f for f in ALL_FACTS[::7] if engine.evaluate(f) != engine.evaluate(f, cached=False)
    ]

    assert mismatches == []


def test_scores_in_the_same_band_share_a_cache_entry() -> None:
    engine = engine_for(default_policy())

    assert engine.key({"functional_level": 41.5, "current_stage": "none"}) == engine.key(
        {"functional_level": 63.0, "current_stage": "none"}
    )
    assert engine.key({"functional_level": 39.9}) != engine.key({"functional_level": 40.0})


def distinct_decisions(engine: RuleEngine, count: int) -> list[dict[str, object]]:
    """`count` sampled facts of which no two share a cache entry."""
    found = {engine.key(f): f for f in ALL_FACTS}
    return list(found.values())[:count]


@pytest.mark.parametrize("kept", [3, CACHE_SIZE])
def test_an_engine_keeps_as_many_decisions_as_its_cache_size_says(
    kept: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = engine_for(default_policy())
    facts = distinct_decisions(engine, 5)
    runs = []
    run = engine._run
    monkeypatch.setattr(engine, "_run", lambda f: runs.append(f) or run(f))
    monkeypatch.setattr(engine, "cache_size", kept)
    engine.clear_cache()

    first = [engine.evaluate(f) for f in facts]
    again = [engine.evaluate(f) for f in facts]

    assert again == first
    # The newest makes way: with 3 kept, the first two decisions stay and the other three run
    # again; with the default, none does.
    assert len(runs) == 5 + (3 if kept == 3 else 0)


def test_one_process_serves_two_policy_versions_side_by_side(tmp_path: Path) -> None:
    rules = Path(
        shutil.copytree(Path(__file__).resolve().parent.parent / "rules", tmp_path / "rules")
    )
    path = rules / "c01-funktionsniva.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("{below: 40}", "{below: 30}"), encoding="utf-8"
    )
    laxer = load_policy(rules)  # 30..39 now falls under neither C1 rule

    default = assess(with_members(3, {"functional_level": 35}))
    changed = assess(with_members(3, {"functional_level": 35}), policy=laxer)

    assert (default.mode, changed.mode) == ("structuring", "co_leadership")
    assert default.policy_version != changed.policy_version


def test_driving_the_extension_directly_decides_as_durables_host_on_every_sampled_band() -> None:
    engine = engine_for(default_policy())

    differences = [
        (facts, own, stock)
        for facts in ALL_FACTS
        if (own := engine.evaluate(facts, cached=False)) != (stock := engine.run_on_host(facts))
    ]

    assert differences == []


def test_an_activation_for_a_rule_the_engine_does_not_know_is_an_engine_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = engine_for(default_policy())
    monkeypatch.setattr(engine, "_performs", {})

    with pytest.raises(EngineError, match="a rule action failed: KeyError"):
        engine.evaluate({"functional_level": 20, "current_stage": "none"}, cached=False)
    monkeypatch.undo()

    assert engine.evaluate({"current_stage": "none"}, cached=False).mode == "co_leadership"


def test_an_interrupt_inside_a_rule_action_stays_an_interrupt_and_leaves_no_session(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def interrupted(_caps: object) -> str:
        raise KeyboardInterrupt

    engine = engine_for(default_policy())
    monkeypatch.setattr("readiness.engine.decide_mode", interrupted)
    for _ in range(1100):  # past the 1,024 live sessions a ruleset can hold
        with pytest.raises(KeyboardInterrupt):
            engine.evaluate({"current_stage": "none"}, cached=False)
    monkeypatch.undo()

    assert engine.evaluate({"current_stage": "none"}, cached=False).mode == "co_leadership"


# A process whose malloc has glibc's default thresholds, fixed: 128 KB blocks and up are mapped
# apart, and 128 KB free at the top of the heap is given back. It then decides 200 times without
# a cache and prints the page faults per decision.
_FAULTS_PER_DECISION = """
import ctypes, resource, sys
import readiness.engine as E
libc = ctypes.CDLL(None)
libc.mallopt(-3, 128 << 10)  # M_MMAP_THRESHOLD
libc.mallopt(-1, 128 << 10)  # M_TRIM_THRESHOLD
if sys.argv[1] == "as-glibc-left-it":
    E.keep_sessions_on_heap = lambda: False
from readiness import default_policy
from readiness.check import sample
policy = default_policy()
engine = E.engine_for(policy)
facts = sample(policy, 200, seed=3)
for f in facts[:20]:
    engine.evaluate(f, cached=False)
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for f in facts:
    engine.evaluate(f, cached=False)
print((resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before) / len(facts))
"""


def _faults_per_decision(mode: str) -> float:
    answer = subprocess.run(
        [sys.executable, "-c", _FAULTS_PER_DECISION, mode],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=Path(__file__).parent.parent,
    )
    return float(answer.stdout)


@pytest.mark.skipif(not keep_sessions_on_heap(), reason="malloc is not glibc's")
def test_a_deleted_sessions_memory_stays_mapped_for_the_next_decision() -> None:
    """Page faults, not time: each session's rete frames (about 300 KB) faulted in anew cost an
    uncached decision about 4 × its time (readiness.engine.keep_sessions_on_heap)."""
    assert _faults_per_decision("as-glibc-left-it") > 20  # the premise: 50 to 75 pages each

    assert _faults_per_decision("as-the-engine-sets-it") < 2
