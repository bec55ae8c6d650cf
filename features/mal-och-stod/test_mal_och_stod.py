"""Runs the features in features/mal-och-stod/: goals that mirror the mission (C4) and support around the team (C9)."""

from pytest_bdd import scenarios

scenarios("mal-och-stod")
