"""Runs the features in features/medarbetarnas-rost/: the members' anonymous voice (C3)."""

from pytest_bdd import scenarios

scenarios("medarbetarnas-rost")
