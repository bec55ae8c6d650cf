"""The contract's limits, each in one place: the models, the rules' facts, the storage and the
pages' messages all read them from here."""

from __future__ import annotations

# A team id names a team in addresses and files: short (readiness.teams says what it may hold).
TEAM_ID_MAX_LENGTH = 64

TEAM_SIZE = (2, 500)  # people in the group; a larger "team" is an organisation
MONTHS_TOGETHER = (0, 600)  # fifty years
MAX_MEMBERS = 1_000  # members' answer sets in one profile
NEW_MEMBERS_SHARE = (0.0, 1.0)

# How many answer keys one respondent may send, per item of the questionnaire: room for the
# unanswered and the mistyped, not for thousands of keys that each cost a look-up.
ANSWER_KEYS_PER_ITEM = 2
# At most this many unknown item ids in one profile are named one by one; more are one problem.
MAX_UNKNOWN_ITEMS = 100
# Only this many unknown item ids in one profile get a "did you mean"; the rest, the plain message.
MAX_SUGGESTIONS = 20

# The bounds of the numeric context fields, for the models and the questionnaire's view alike.
CONTEXT_BOUNDS: dict[str, tuple[float, float]] = {
    "team_size": TEAM_SIZE,
    "months_together": MONTHS_TOGETHER,
    "new_members_share": NEW_MEMBERS_SHARE,
}
