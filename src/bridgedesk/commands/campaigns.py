"""``bridgedesk campaigns``: phishing campaigns and the takedown list, as JSON lines or CSV."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from bridgedesk.commands.base import Command, add_desk_options, migrate_quietly

if TYPE_CHECKING:
    from bridgedesk.desk.security.campaigns import Campaign


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_desk_options(parser)
    parser.add_argument("--csv", action="store_true", help="CSV takedown list instead of one JSON line per campaign")
    parser.add_argument("--min-reports", type=int, default=1, help="only campaigns with at least this many reports")


def run(args: argparse.Namespace) -> int:
    from bridgedesk.desk.runtime import get_config  # Django-side: see commands/base.py
    from bridgedesk.desk.security.campaigns import campaigns_csv, group_campaigns, load_report_signals

    migrate_quietly()
    campaigns = group_campaigns(load_report_signals(), official_domains=get_config().brand.official_domains,
                                min_reports=args.min_reports)
    if args.csv:
        sys.stdout.write(campaigns_csv(campaigns))
        return 0
    for campaign in campaigns:
        sys.stdout.write(json.dumps(campaign_json(campaign), ensure_ascii=False) + "\n")
    return 0


def campaign_json(campaign: Campaign) -> dict[str, Any]:
    return {
        "campaign": campaign.name, "reports": len(campaign.report_ids), "tickets": list(campaign.tickets),
        "shared": list(campaign.shared), "domains": list(campaign.domains), "urls": list(campaign.urls),
        "first_seen": campaign.first_seen.isoformat() if campaign.first_seen else None,
        "last_seen": campaign.last_seen.isoformat() if campaign.last_seen else None,
    }


COMMAND = Command("campaigns", "phishing campaigns and the domains and URLs to take down", add_arguments, run)
