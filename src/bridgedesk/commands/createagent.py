"""``bridgedesk createagent NAME --password P [--admin]``: create or update a staff account."""

from __future__ import annotations

import argparse

from bridgedesk.commands.base import Command, add_desk_options, migrate_quietly


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_desk_options(parser)
    parser.add_argument("username")
    parser.add_argument("--password", required=True)
    parser.add_argument("--admin", action="store_true")


def run(args: argparse.Namespace) -> int:
    from django.contrib.auth import get_user_model  # Django-side: see commands/base.py

    migrate_quietly()
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(username=args.username)
    user.is_staff = True
    user.is_superuser = bool(args.admin)
    user.set_password(args.password)
    user.save()
    print(f"{'created' if created else 'updated'} staff account {args.username}")
    return 0


COMMAND = Command("createagent", "create or update a staff account", add_arguments, run)
