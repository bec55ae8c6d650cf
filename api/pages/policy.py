"""`/policy`: every rule and caveat in force, readable by a manager or an HR partner."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from api.deps import CoverageDep, PolicyDep
from api.pages.deps import PageLangDep
from api.pages.policy_words import PolicyWords
from api.pages.rendering import render
from api.pages.report import OWNER_NAMES
from readiness import usecases

router = APIRouter()


@router.get("/policy")
def policy_page(
    request: Request, lang: PageLangDep, policy: PolicyDep, coverage: CoverageDep
) -> Response:
    """The policy by caveat: what each rule looks at and what follows from it."""
    data = usecases.policy_listing(policy, lang, coverage).model_dump()
    words = PolicyWords(policy, lang)
    caveats = [
        {
            **caveat,
            "rules": [
                _rule(rule, data, words) for rule in data["rules"] if rule["caveat"] == caveat["id"]
            ],
        }
        for caveat in data["caveats"]
    ]
    return render(request, "policy.html", lang, {"policy": data, "caveats": caveats})


def _rule(rule: dict[str, Any], data: dict[str, Any], words: PolicyWords) -> dict[str, Any]:
    then = rule["then"]
    modes = {mode["id"]: mode["title"] for mode in data["modes"]}
    stages = {stage["id"]: stage["title"] for stage in data["stages"]}
    finding = then["finding"]
    return {
        **rule,
        "conditions": words.conditions(rule["when"]),
        "mode_cap": modes.get(then["mode_cap"]),
        "stage_cap": stages.get(then["stage_cap"]),
        "finding": {
            "severity": finding["severity"],
            "message": words.named(finding["message"]),
        }
        if finding
        else None,
        "next_steps": [
            {
                "title": words.named(step["title"]),
                "detail": words.named(step["detail"]),
                "owner": words._(OWNER_NAMES[step["owner"]]),
                "within_days": step["within_days"],
                "check": words.named(step["check"]),
            }
            for step in then["next_steps"]
        ],
        "advice": [words.advice(name, value) for name, value in then["advice"].items()],
    }
