"""readiness: is a team ready for trust-based co-leadership now, and what should happen next?

    >>> import readiness
    >>> result = readiness.assess({"answers": {...}, "context": {"rollout_plan": "stepwise"}})
    >>> result.mode, result.rollout_stage

The policy is the handbook *Tillit och medledarskap* encoded as rules in `rules/`; see README.md.
"""

from readiness.errors import (
    ConflictError,
    EngineError,
    InputError,
    NotFoundError,
    PolicyError,
    Problem,
    ProfileError,
    ReadinessError,
)
from readiness.models import Assessment, Context, Finding, Members, NextStep, TeamProfile
from readiness.policy import Policy, load_policy
from readiness.questionnaire import Questionnaire, questionnaire
from readiness.service import assess, default_policy, parse_profile, parse_profile_json

__version__ = "0.1.0"

__all__ = [
    "Assessment",
    "ConflictError",
    "Context",
    "EngineError",
    "Finding",
    "InputError",
    "Members",
    "NextStep",
    "NotFoundError",
    "Policy",
    "PolicyError",
    "Problem",
    "ProfileError",
    "Questionnaire",
    "ReadinessError",
    "TeamProfile",
    "assess",
    "default_policy",
    "load_policy",
    "parse_profile",
    "parse_profile_json",
    "questionnaire",
]
