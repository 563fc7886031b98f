"""``bridgedesk createagent NAME --password P [--admin]``: create or update a staff account.

The password goes through Django's password validators (``AUTH_PASSWORD_VALIDATORS`` in
settings) before anything is saved: a staff account opens customers' cases and the security
queue, so a six-letter password is refused with the validators' own words (exit 2).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from bridgedesk.commands.base import Command, UserError, add_desk_options, migrate_quietly

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_desk_options(parser)
    parser.add_argument("username")
    parser.add_argument("--password", required=True, help="at least 12 characters, not a common or all-digit one, not like the name")
    parser.add_argument("--admin", action="store_true")


def run(args: argparse.Namespace) -> int:
    from django.contrib.auth import get_user_model  # Django-side: see commands/base.py

    migrate_quietly()
    user_model = get_user_model()
    user = user_model.objects.filter(username=args.username).first()
    created = user is None
    if user is None:
        user = user_model(username=args.username)
    refuse_weak_password(args.password, user)
    user.is_staff = True
    user.is_superuser = bool(args.admin)
    user.set_password(args.password)
    user.save()
    print(f"{'created' if created else 'updated'} staff account {args.username}")
    return 0


def refuse_weak_password(password: str, user: User) -> None:
    """Raise ``UserError`` with every validator's message when ``password`` is not good enough for ``user``."""
    from django.contrib.auth.password_validation import validate_password  # Django-side: see commands/base.py
    from django.core.exceptions import ValidationError

    try:
        validate_password(password, user=user)
    except ValidationError as exc:
        raise UserError("password refused: " + " ".join(exc.messages) + " Choose another with --password.") from None


COMMAND = Command("createagent", "create or update a staff account", add_arguments, run)
