"""`serve --demo`: demo agents and sample support mail, sent through the real SMTP listener."""

from __future__ import annotations

import smtplib
from importlib import resources

from django.contrib.auth import get_user_model

from bridgedesk.desk.models import AgentProfile, Ticket
from bridgedesk.desk.runtime import get_config

# (username, password, role, languages): an agent sees every queue but security's; the
# security officer also sees leaked-secret and phishing tickets; the admin sees everything.
DEMO_ACCOUNTS = (
    ("admin", "admin-demo", "admin", ["en", "zh"]),
    ("agent", "agent-demo", "agent", ["en", "zh"]),
    ("agent.zh", "agent-demo", "agent", ["zh"]),
    ("security", "security-demo", "security", ["en", "zh"]),
)


def create_demo_accounts() -> None:
    users = get_user_model()
    for username, password, role, languages in DEMO_ACCOUNTS:
        user, created = users.objects.get_or_create(username=username, defaults={"is_staff": True, "is_superuser": role == "admin"})
        if created:
            user.set_password(password)
            user.save()
            AgentProfile.objects.update_or_create(user=user, defaults={"role": role, "languages": languages})


def demo_messages() -> list[tuple[str, bytes]]:
    folder = resources.files("bridgedesk.desk.setup") / "demo_mail"
    return sorted((item.name, item.read_bytes()) for item in folder.iterdir() if item.name.endswith(".eml"))


def send_demo_mail(host: str, port: int) -> int:
    """Deliver each sample over SMTP exactly like an outside mail server would."""
    config = get_config()
    sent = 0
    with smtplib.SMTP(host, port, timeout=30) as client:
        for name, raw in demo_messages():
            recipient = config.brand.security_address if "phishing" in name else config.brand.support_address
            client.sendmail("demo-sender@example.com", [recipient], raw)
            sent += 1
    return sent


def run_demo_setup(smtp_host: str, smtp_port: int, *, http_url: str) -> None:
    create_demo_accounts()
    config = get_config()
    if not Ticket.objects.exists():
        count = send_demo_mail(smtp_host, smtp_port)
        print(f"demo: sent {count} sample support emails (English and Chinese) through the SMTP listener", flush=True)
    print(f"demo: sign in at {http_url}tickets/ as agent / agent-demo, or security / security-demo for the security queue "
          f"(admin: admin / admin-demo, also at {http_url}admin/)", flush=True)
    print(
        "demo: send a test mail with:\n"
        f"  swaks --server {smtp_host}:{smtp_port} --to {config.brand.support_address} --from you@example.com "
        "--header 'Subject: USDT deposit not credited' --body 'My TRC20 deposit has not arrived.'\n"
        f"  python3 -c \"import smtplib; smtplib.SMTP('{smtp_host}', {smtp_port}).sendmail('you@example.com', "
        f"['{config.brand.support_address}'], 'Subject: 充值没到账\\n\\nUSDT TRC20 充值两小时了还没到账'.encode())\"",
        flush=True,
    )
