"""The library: `assess()` from a dict, warm and cold, beside its floors (validation; + scoring).

Every figure is per call, on one core. The mean (and so the rate, and the ratio to validation
alone, the part no assessment can skip) is CPU time, each slice of 200 calls at its fastest of
`rounds` runs, so that other work on the machine does not count; p50 and p99 are the wall time
of single calls, from the least disturbed run. Cold is a first pass over all the profiles with every cache empty (the fastest of `rounds`),
so a decision met again within the pass is found cached, as it would be in a new process.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from benchmarks.measure import Timing, best, table, timed, undisturbed
from benchmarks.profiles import profiles as make_profiles
from readiness import assess, default_policy, parse_profile
from readiness.engine import engine_for
from readiness.questionnaire import load_questionnaire
from readiness.scoring import score
from readiness.service import assess_plainly
from readiness.wording import forget, plain


@dataclass(frozen=True)
class LibraryFigures:
    rows: list[tuple[str, Timing]]
    validation: Timing
    warm: Timing
    cold: Timing
    decisions: int  # distinct decisions among the profiles: the engine runs this often when cold
    count: int

    def ratio(self, timing: Timing) -> float:
        return timing.mean_us / self.validation.mean_us


def run(count: int, rounds: int, seed: int) -> LibraryFigures:
    policy = default_policy()
    engine = engine_for(policy)
    source = load_questionnaire()
    threshold = policy.settings.anonymity_threshold
    data = make_profiles(count, seed)
    valid = [parse_profile(p) for p in data]
    scored = [score(v, source, threshold) for v in valid]

    def validation_and_scoring(profile: dict[str, Any]) -> object:
        return score(parse_profile(profile), source, threshold)

    def before(profile: dict[str, Any]) -> object:
        """As assess() was: every text and model built per call, the engine cached."""
        model = parse_profile(profile)
        facts = score(model, source, threshold)
        return plain(model, facts, engine.evaluate(facts.facts), policy, source, "sv")

    warm_calls: list[tuple[str, Callable[[Any], object], Sequence[Any]]] = [
        ("validation alone (dict -> TeamProfile)", parse_profile, data),
        ("validation + scoring", validation_and_scoring, data),
        ("assess(), warm", assess, data),
        ("assess() before: texts built per call", before, data),
        ("engine alone, cached", lambda s: engine.evaluate(s.facts), scored),
    ]
    found: dict[str, Timing] = {}
    for name, call, inputs in warm_calls:
        call(inputs[0])
        spread = best(timed(call, inputs) for _ in range(rounds))
        found[name] = replace(spread, seconds=undisturbed(call, inputs, rounds))
    colds = []
    for _ in range(rounds):
        engine.clear_cache()
        forget()
        colds.append(timed(assess, data))
    found["assess(), cold: empty caches, first pass"] = min(colds, key=lambda t: t.seconds)
    sample = data[: max(1, count // 10)]
    found["assess_plainly(): no cache at all"] = timed(
        lambda p: assess_plainly(p, "sv", policy, engine), sample
    )
    found["engine alone, uncached (durable-rules)"] = timed(
        lambda s: engine.evaluate(s.facts, cached=False), scored[: len(sample)]
    )
    rows = list(found.items())
    figures = found
    return LibraryFigures(
        rows=rows,
        validation=figures["validation alone (dict -> TeamProfile)"],
        warm=figures["assess(), warm"],
        cold=figures["assess(), cold: empty caches, first pass"],
        decisions=len({engine.key(s.facts) for s in scored}),
        count=count,
    )


def report(figures: LibraryFigures) -> str:
    rows = [
        (name, t.calls, t.per_second, t.mean_us, t.p50_us, t.p99_us, figures.ratio(t))
        for name, t in figures.rows
    ]
    return table(
        f"Library: {figures.count:,} seeded profiles (a third with members), one core; "
        f"{figures.decisions:,} distinct decisions among them",
        ["what", "calls", "per s (CPU)", "mean CPU µs", "p50 µs", "p99 µs", "× validation"],
        rows,
    )
