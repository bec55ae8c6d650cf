"""Runs the features in features/inforandet/: the staged rollout (C3) and "not now" (C7)."""

from pytest_bdd import scenarios

scenarios("inforandet")
