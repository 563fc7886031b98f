"""``bridgedesk campaigns``: phishing campaigns and the takedown list, as JSON lines or CSV."""

from __future__ import annotations

import argparse
import json
import sys

from bridgedesk.desk.campaigns import Campaign, campaigns_csv, group_campaigns, load_report_signals


def run_campaigns(args: argparse.Namespace) -> int:
    from bridgedesk.commands.desk import migrate_quietly
    from bridgedesk.desk.runtime import get_config

    migrate_quietly()
    campaigns = group_campaigns(load_report_signals(), official_domains=get_config().brand.official_domains,
                                min_reports=args.min_reports)
    if args.csv:
        sys.stdout.write(campaigns_csv(campaigns))
        return 0
    for campaign in campaigns:
        sys.stdout.write(json.dumps(campaign_json(campaign), ensure_ascii=False) + "\n")
    return 0


def campaign_json(campaign: Campaign) -> dict:
    return {
        "campaign": campaign.name, "reports": len(campaign.report_ids), "tickets": list(campaign.tickets),
        "shared": list(campaign.shared), "domains": list(campaign.domains), "urls": list(campaign.urls),
        "first_seen": campaign.first_seen.isoformat() if campaign.first_seen else None,
        "last_seen": campaign.last_seen.isoformat() if campaign.last_seen else None,
    }
