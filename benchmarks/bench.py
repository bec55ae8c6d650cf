"""Speed of the decision engine, measured (run: .venv/bin/python benchmarks/bench.py).

Prints figures; asserts nothing. Each figure is the best of --repeat runs on one core.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from readiness import assess, default_policy, parse_profile
from readiness.builder import answers_for
from readiness.check import check_policy, combinations
from readiness.engine import engine_for
from readiness.questionnaire import load_questionnaire
from readiness.scoring import score
from readiness.vocabulary import DIMENSIONS


def best_rate(run: Callable[[], int], repeat: int) -> float:
    rates = []
    for _ in range(repeat):
        started = time.perf_counter()
        count = run()
        rates.append(count / (time.perf_counter() - started))
    return max(rates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    policy = default_policy()
    engine = engine_for(policy)
    rng = random.Random(42)
    band_facts = list(combinations(policy))
    sample = rng.choices(band_facts, k=args.count)
    profiles = [
        {
            "answers": answers_for({d: rng.choice(range(0, 101, 5)) for d in DIMENSIONS}),
            "context": {
                "goal_type": rng.choice(["individual", "group", "mixed"]),
                "rollout_plan": rng.choice(["stepwise", "big_launch", "undecided"]),
                "current_stage": rng.choice(["none", "pilot", "expand", "sustain"]),
            },
        }
        for _ in range(args.count)
    ]
    valid = [parse_profile(p) for p in profiles]
    source = load_questionnaire()
    threshold = policy.settings.anonymity_threshold

    figures = {
        "engine, uncached (durable-rules per evaluation)": best_rate(
            lambda: sum(1 for f in sample if engine.evaluate(f, cached=False)), args.repeat
        ),
        "engine, cached by band": best_rate(
            lambda: sum(1 for f in sample if engine.evaluate(f)), args.repeat
        ),
        "validation only (dict -> TeamProfile)": best_rate(
            lambda: sum(1 for p in profiles if parse_profile(p)), args.repeat
        ),
        "scoring only": best_rate(
            lambda: sum(1 for p in valid if score(p, source, threshold)), args.repeat
        ),
        "assess(), warm cache, from a dict": best_rate(
            lambda: sum(1 for p in profiles if assess(p)), args.repeat
        ),
        "assess(), warm cache, from a TeamProfile": best_rate(
            lambda: sum(1 for p in valid if assess(p)), args.repeat
        ),
    }
    engine.clear_cache()
    started = time.perf_counter()
    for p in valid:
        assess(p)
    figures["assess(), cold cache (first sight of each band)"] = len(valid) / (
        time.perf_counter() - started
    )

    print(
        f"policy {policy.version}: {len(policy.rules)} rules, {len(band_facts)} band combinations"
    )
    for name, rate in figures.items():
        print(f"  {name:<52} {rate:>10,.0f} /s")
    report = check_policy(policy)
    print(
        f"  {'rules check (all combinations, uncached)':<52} {report.combinations / report.seconds:>10,.0f} /s"
        f"  ({report.combinations} in {report.seconds:.1f} s)"
    )


if __name__ == "__main__":
    main()
