"""What a configuration is: one frozen dataclass per TOML table, the single statement of its keys and defaults.

The loader (``loading.py``) reads the keys a table may have (``table_keys``), their defaults and
the environment variable a secret may come from (``metadata={"env": ...}``) from these classes,
so a new key is one field here plus, when it needs more than a type check, its validation there.
Fields marked ``DERIVED`` are computed while loading, never written in the file.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from ipaddress import IPv4Network, IPv6Network
from typing import Any

from bridgedesk.sla import BusinessCalendar
from bridgedesk.triage.completeness import DEFAULT_REQUIREMENTS
from bridgedesk.triage.entities.errorcodes import DEFAULT_ERROR_CODES
from bridgedesk.triage.routing import DEFAULT_ROUTES, RouteRule
from bridgedesk.triage.vocabulary import QueueSlug

CONFIG_ENV = "BRIDGEDESK_CONFIG"
DKIM_KEY_ENV = "BRIDGEDESK_DKIM_KEY"
DEFAULT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024
INTAKE_KEY_ENV = "BRIDGEDESK_INTAKE_KEY"
INTAKE_KEY_BYTES = 32
INTAKE_KEY_HINT = ('generate one with: python3 -c "import base64, os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())" '
                   "(a Fernet key works too)")
DERIVED: Mapping[str, Any] = {"toml": False}


class ConfigError(ValueError):
    """A configuration problem an operator can fix; the message names the key."""


@dataclass(frozen=True)
class Brand:
    name: str
    official_domains: tuple[str, ...]
    support_address: str
    security_address: str
    ticket_prefix: str

    @property
    def own_addresses(self) -> tuple[str, ...]:
        return (self.support_address, self.security_address)

    @property
    def mail_domain(self) -> str:
        return self.support_address.rsplit("@", 1)[1]


@dataclass(frozen=True)
class ImapSource:
    host: str = ""
    port: int = 993
    username: str = ""
    password: str = field(default="", metadata={"env": "BRIDGEDESK_IMAP_PASSWORD"})
    ssl: bool = True
    folder: str = "INBOX"
    processed_folder: str = ""   # empty: flag \Seen + keyword instead of moving
    poll_seconds: float = 30.0


@dataclass(frozen=True)
class Intake:
    max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES
    max_attachment_bytes: int = 10 * 1024 * 1024
    tls_cert: str = ""
    tls_key: str = ""
    imap: tuple[ImapSource, ...] = ()
    # Seals raw mail at rest (AES-256-GCM). Empty: the desk generates one into the data
    # directory on first start (one host only; every host must share it past one machine).
    encryption_key: str = field(default="", repr=False, metadata={"env": "BRIDGEDESK_INTAKE_KEY"})


@dataclass(frozen=True)
class Outbound:
    """Where replies go. With no SMTP host, mail is written to ``<data>/sent`` (a Maildir)."""

    smtp_host: str = ""
    smtp_port: int = 25
    username: str = ""
    password: str = field(default="", metadata={"env": "BRIDGEDESK_SMTP_PASSWORD"})
    starttls: bool = False
    max_attempts: int = 8


@dataclass(frozen=True)
class AutoReply:
    enabled: bool = True
    window_minutes: int = 60


@dataclass(frozen=True)
class Processing:
    max_attempts: int = 5
    lease_seconds: int = 300
    duplicate_hours: int = 24
    duplicate_similarity: float = 0.9


@dataclass(frozen=True)
class Retention:
    raw_days: int = 0
    encryption_key: str = field(default="", metadata={"env": "BRIDGEDESK_RETENTION_KEY"})   # a Fernet key


@dataclass(frozen=True)
class SlaPolicy:
    """Targets for one priority, in business hours of the ticket's queue calendar (24x7 without one)."""

    first_response_hours: int = 24
    next_response_hours: int = 24
    resolution_hours: int = 48


@dataclass(frozen=True)
class Sla:
    """Targets per priority, calendars per queue, and where a breached ticket goes."""

    first_response_hours: int = 24
    resolution_hours: int = 48
    escalation_queue: str = QueueSlug.SUPERVISOR
    policies: Mapping[str, SlaPolicy] = field(default_factory=dict)
    calendars: Mapping[str, BusinessCalendar] = field(default_factory=dict)
    queue_calendars: Mapping[str, str] = field(default_factory=dict, metadata=DERIVED)   # queue slug -> calendar name

    def policy_for(self, priority: str) -> SlaPolicy:
        """The priority's policy; a priority without one gets the [sla] defaults."""
        return self.policies.get(priority) or SlaPolicy(self.first_response_hours, self.first_response_hours, self.resolution_hours)

    def calendar_for(self, queue: str) -> BusinessCalendar | None:
        """The queue's calendar, or None: a queue without a calendar runs around the clock."""
        name = self.queue_calendars.get(queue)
        return self.calendars[name] if name else None


REQUIRABLE_FIELDS = ("tx_hash", "order_id", "error_code", "uid", "address", "network", "memo", "amount", "email")


@dataclass(frozen=True)
class Triage:
    """Understanding and routing knobs; defaults live in the pure triage package."""

    confidence_threshold: float = 0.35
    error_codes: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_ERROR_CODES))
    requirements: Mapping[str, tuple[tuple[str, ...], ...]] = field(default_factory=lambda: dict(DEFAULT_REQUIREMENTS))
    routes: tuple[RouteRule, ...] = DEFAULT_ROUTES
    trusted_authserv_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dkim:
    """Outbound DKIM signing; off until a selector and a key are given."""

    selector: str = ""
    domain: str = ""             # defaults to the brand's mail domain
    private_key_file: str = ""   # PEM file; or the PEM itself in $BRIDGEDESK_DKIM_KEY
    private_key_pem: bytes = field(default=b"", repr=False, metadata=DERIVED)   # read from the file or $BRIDGEDESK_DKIM_KEY

    @property
    def enabled(self) -> bool:
        return bool(self.selector and self.private_key_pem)


@dataclass(frozen=True)
class Web:
    """The web app's surroundings: which reverse proxies may tell us whom a request came from."""

    trusted_proxies: tuple[IPv4Network | IPv6Network, ...] = ()   # X-Forwarded-For is believed only from these


@dataclass(frozen=True)
class Config:
    brand: Brand
    intake: Intake = field(default_factory=Intake)
    outbound: Outbound = field(default_factory=Outbound)
    auto_reply: AutoReply = field(default_factory=AutoReply)
    processing: Processing = field(default_factory=Processing)
    retention: Retention = field(default_factory=Retention)
    sla: Sla = field(default_factory=Sla)
    triage: Triage = field(default_factory=Triage)
    dkim: Dkim = field(default_factory=Dkim)
    web: Web = field(default_factory=Web)
    source: str = field(default="", metadata=DERIVED)   # the file it was read from


def table_keys(cls: type) -> set[str]:
    """The keys a TOML table for ``cls`` may hold: its fields, less the derived ones."""
    return {f.name for f in fields(cls) if f.metadata.get("toml", True)}


def required_keys(cls: type) -> tuple[str, ...]:
    """The fields without a default, in order: the keys a table for ``cls`` must give."""
    return tuple(f.name for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING)


def secret_env(cls: type) -> dict[str, str]:
    """Field name -> the environment variable that may hold its value instead of the file."""
    return {f.name: f.metadata["env"] for f in fields(cls) if "env" in f.metadata}


def decode_intake_key(text: str) -> bytes:
    """The 32-byte AES key written as base64 (URL-safe or standard); ValueError when it is not one."""
    try:
        key = base64.b64decode(text.strip().replace("+", "-").replace("/", "_"), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("not base64") from None
    if len(key) != INTAKE_KEY_BYTES:
        raise ValueError(f"{len(key)} bytes, not {INTAKE_KEY_BYTES}")
    return key
