"""Default records a fresh desk needs: the queues that routing names."""

from __future__ import annotations

from bridgedesk.desk.models import Queue

DEFAULT_QUEUES = (
    ("security", "Account security", "账户安全"),
    ("funding", "Deposits and withdrawals", "充值与提现"),
    ("compliance", "KYC / AML", "身份认证与合规"),
    ("trading", "Trading and API", "交易与 API"),
    ("general", "General", "综合"),
    ("triage", "Needs triage", "待分类"),
    ("supervisor", "Supervisor escalations", "主管升级"),
)


def ensure_queues() -> None:
    for slug, name, name_zh in DEFAULT_QUEUES:
        Queue.objects.get_or_create(slug=slug, defaults={"name": name, "name_zh": name_zh})
