"""The policy as a reader sees it: `readiness rules`, the API's `/policy` and the policy page.

Each rule is shown with the BDD scenarios that exercise it. Which scenarios those are is recorded
by the feature suite (`features/coverage.json`, see features/README.md) and passed in by whoever
shows the listing: the library itself reads no file outside its package.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from readiness.policy import Policy
from readiness.policy_view import PolicyView
from readiness.rule import Rule
from readiness.vocabulary import Lang

Coverage = Mapping[str, Sequence[str]]  # rule id -> the scenarios that fired it


def read_coverage(path: Path | None) -> dict[str, list[str]]:
    """The feature suite's record of which scenarios fire which rule; empty when it is missing.

    A listing without scenarios is still a listing, so a missing or unreadable record is not an
    error here; `features/test_policy_coverage.py` is where a stale record fails.
    """
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): [str(s) for s in v] for k, v in data.items()} if isinstance(data, dict) else {}


def rule_as_data(
    rule: Rule, policy: Policy, lang: Lang, scenarios: Sequence[str]
) -> dict[str, Any]:
    then = rule.then
    return {
        "id": rule.id,
        "caveat": rule.caveat,
        "title": rule.title(lang),
        "file": Path(policy.files[rule.id]).name,
        "layer": rule.layer,
        "condition": rule.describe_condition(),
        "when": [{"fact": t.fact, "op": t.op, "value": t.value} for t in rule.when],
        "then": {
            "mode_cap": then.mode_cap,
            "stage_cap": then.stage_cap,
            "hold_stage": then.hold_stage,
            "finding": (
                {"severity": then.finding.severity, "message": then.finding.message(lang)}
                if then.finding
                else None
            ),
            "next_steps": [
                {
                    "id": s.id,
                    "title": s.title(lang),
                    "detail": s.detail(lang),
                    "owner": s.owner,
                    "within_days": s.within_days,
                    "check": s.check(lang),
                }
                for s in then.next_steps
            ],
            "reassess_in_days": then.reassess_in_days,
            "advice": dict(then.advice),
        },
        "scenarios": list(scenarios),
    }


def rules_as_data(policy: Policy, lang: Lang, coverage: Coverage | None = None) -> dict[str, Any]:
    """The whole policy in one language, as JSON-ready data (the shape of `PolicyView`)."""
    settings = policy.settings
    covered = coverage or {}
    return {
        "policy_version": policy.version,
        "name": settings.name(lang),
        "anonymity_threshold": settings.anonymity_threshold,
        "default_reassess_in_days": settings.default_reassess_in_days,
        "modes": [
            {"id": k, "title": v.title(lang), "description": v.description(lang)}
            for k, v in settings.modes.items()
        ],
        "stages": [
            {"id": k, "title": v.title(lang), "description": v.description(lang)}
            for k, v in settings.stages.items()
        ],
        "caveats": [
            {"id": k, "title": v.title(lang), "description": v.description(lang)}
            for k, v in settings.caveats.items()
        ],
        "rules": [
            rule_as_data(rule, policy, lang, covered.get(rule.id, [])) for rule in policy.rules
        ],
    }


def policy_view(policy: Policy, lang: Lang, coverage: Coverage | None = None) -> PolicyView:
    """The whole policy in one language, typed."""
    return PolicyView.model_validate(rules_as_data(policy, lang, coverage))


def render_rules(policy: Policy, lang: Lang, coverage: Coverage | None = None) -> str:
    """One block per rule: id, caveat, condition, conclusion and the scenarios that cover it."""
    data = rules_as_data(policy, lang, coverage)
    lines = [f"{data['name']} (policy {data['policy_version']}, {len(policy.rules)} rules)", ""]
    for rule in data["rules"]:
        then = rule["then"]
        lines.append(f"{rule['id']}  [{rule['caveat']}]  {rule['title']}  ({rule['file']})")
        lines.append(f"  when  {rule['condition']}")
        outcome = [
            f"{key.replace('_', ' ')} {then[key]}" for key in ("mode_cap", "stage_cap") if then[key]
        ]
        if then["hold_stage"]:
            outcome.append("stage held at today's")
        if then["finding"]:
            outcome.append(f"{then['finding']['severity']} finding")
        outcome += [
            f"step {s['id']} ({s['owner']}, {s['within_days']} days)" for s in then["next_steps"]
        ]
        if then["reassess_in_days"]:
            outcome.append(f"reassess in {then['reassess_in_days']} days")
        outcome += [f"advice {k}={v}" for k, v in then["advice"].items()]
        lines.append("  then  " + ", ".join(outcome))
        if then["finding"]:
            lines += textwrap.wrap(
                then["finding"]["message"],
                96,
                initial_indent="  says  ",
                subsequent_indent="        ",
            )
        scenarios = rule["scenarios"]
        lines.append(
            f"  covered by {len(scenarios)} scenario(s)"
            + (":" if scenarios else " (run the features)")
        )
        lines += [f"    - {s}" for s in scenarios]
        lines.append("")
    return "\n".join(lines)
