"""The command-line commands, one module per command; ``COMMANDS`` is the registry ``bridgedesk.cli`` reads.

A new command is a module here with ``add_arguments``, ``run`` and a ``COMMAND``, plus one line below.
"""

from bridgedesk.commands import (
    bench,
    campaigns,
    createagent,
    import_mail,
    seed,
    serve,
    tickets,
    train,
    triage,
    worker,
)
from bridgedesk.commands.base import Command

COMMANDS: tuple[Command, ...] = (
    serve.COMMAND, worker.COMMAND, tickets.COMMAND, import_mail.COMMAND, triage.COMMAND, train.COMMAND,
    createagent.COMMAND, seed.COMMAND, campaigns.COMMAND, bench.COMMAND,
)
