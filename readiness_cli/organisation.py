"""`readiness org …` and `readiness unit …`: organisations and their tree of units."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from readiness.organisation import UNIT_KINDS
from readiness.usecases import organisations as usecase
from readiness.usecases.organisations import UnitNode
from readiness_cli.store import unit_of_work


def add_commands(commands: Any) -> None:
    """Add `org create|list` and `unit create|list`."""
    org = commands.add_parser("org", help="organisations: create, list")
    actions = org.add_subparsers(required=True, metavar="ACTION")
    create = actions.add_parser("create", help="a new organisation")
    create.add_argument("id", help="a short id, e.g. 'malmo' or 'region-skåne'")
    create.add_argument("--name", required=True, help="its name, e.g. 'Region Skåne'")
    create.set_defaults(run=_org_create)
    actions.add_parser("list", help="every organisation").set_defaults(run=_org_list)

    unit = commands.add_parser("unit", help="units of an organisation: create, list")
    actions = unit.add_subparsers(required=True, metavar="ACTION")
    create = actions.add_parser("create", help="a new unit")
    create.add_argument("id", help="the unit's id, e.g. 'kundtjanst'")
    create.add_argument("--name", required=True)
    create.add_argument("--org", default="default", help="the organisation (default: default)")
    create.add_argument("--kind", choices=UNIT_KINDS, default="enhet")
    create.add_argument("--parent", help="the id of the unit above it")
    create.set_defaults(run=_unit_create)
    listing = actions.add_parser("list", help="the units as a tree")
    listing.add_argument("--org", default="default")
    listing.set_defaults(run=_unit_list)


def _org_create(args: argparse.Namespace) -> int:
    with unit_of_work(args.settings) as uow:
        made = usecase.create_organisation(uow, args.id, args.name)
    print(f"organisation {made.id} ({made.name})")
    return 0


def _org_list(args: argparse.Namespace) -> int:
    with unit_of_work(args.settings) as uow:
        for organisation in usecase.organisations(uow):
            print(f"{organisation.id}\t{organisation.name}")
    return 0


def _unit_create(args: argparse.Namespace) -> int:
    with unit_of_work(args.settings) as uow:
        made = usecase.create_unit(
            uow, args.org, args.id, args.name, kind=args.kind, parent=args.parent
        )
    print(f"unit {made.slug} ({made.name}, {made.kind}) in {made.org_id}")
    return 0


def _unit_list(args: argparse.Namespace) -> int:
    with unit_of_work(args.settings) as uow:
        tree = usecase.unit_tree(uow, args.org)

    def show(nodes: list[UnitNode] | tuple[UnitNode, ...], depth: int) -> None:
        for node in nodes:
            unit = node.unit
            sys.stdout.write(f"{'  ' * depth}{unit.slug}\t{unit.name} ({unit.kind})\n")
            show(node.children, depth + 1)

    show(tree, 0)
    return 0
