"""Default records a fresh desk needs: the queues that routing names."""

from __future__ import annotations

from bridgedesk.desk.models import Queue
from bridgedesk.triage.vocabulary import QueueSlug

DEFAULT_QUEUES = (
    (QueueSlug.SECURITY, "Account security", "账户安全"),
    (QueueSlug.FUNDING, "Deposits and withdrawals", "充值与提现"),
    (QueueSlug.COMPLIANCE, "KYC / AML", "身份认证与合规"),
    (QueueSlug.TRADING, "Trading and API", "交易与 API"),
    (QueueSlug.GENERAL, "General", "综合"),
    (QueueSlug.TRIAGE, "Needs triage", "待分类"),
    (QueueSlug.SUPERVISOR, "Supervisor escalations", "主管升级"),
)


def ensure_queues() -> None:
    for slug, name, name_zh in DEFAULT_QUEUES:
        Queue.objects.get_or_create(slug=slug, defaults={"name": name, "name_zh": name_zh})
