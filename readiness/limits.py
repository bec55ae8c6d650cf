"""The contract's limits, each in one place: the models, the rules' facts, the storage and the
pages' messages all read them from here."""

from __future__ import annotations

# A team id names a team in addresses and files: short (readiness.teams says what it may hold).
TEAM_ID_MAX_LENGTH = 64

TEAM_SIZE = (2, 500)  # people in the group; a larger "team" is an organisation
MONTHS_TOGETHER = (0, 600)  # fifty years
MAX_MEMBERS = 1_000  # members' answer sets in one profile
NEW_MEMBERS_SHARE = (0.0, 1.0)

# The bounds of the numeric context fields, for the models and the questionnaire's view alike.
CONTEXT_BOUNDS: dict[str, tuple[float, float]] = {
    "team_size": TEAM_SIZE,
    "months_together": MONTHS_TOGETHER,
    "new_members_share": NEW_MEMBERS_SHARE,
}
