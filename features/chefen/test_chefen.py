"""Runs the features in features/chefen/: the manager: letting go of control (C5), the facilitating role (C6), roles and expectations (C8)."""

from pytest_bdd import scenarios

scenarios("chefen")
