"""Runs the features in features/gruppen/: the group: functional level (C1), phase (C2), competence (C10)."""

from pytest_bdd import scenarios

scenarios("gruppen")
