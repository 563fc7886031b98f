"""Load and validate the one TOML configuration file.

Pure code: no Django. The desk reads a :class:`Config` once at start; every problem in the
file is reported as a :class:`ConfigError` that names the offending key and says how to fix
it, so an operator never meets a traceback for a typo.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bridgedesk.sla import BusinessCalendar, calendar_from_table
from bridgedesk.triage.completeness import DEFAULT_REQUIREMENTS, requirements_from_config
from bridgedesk.triage.entities.errorcodes import DEFAULT_ERROR_CODES
from bridgedesk.triage.routing import DEFAULT_ROUTES, RouteRule, routes_from_config

CONFIG_ENV = "BRIDGEDESK_CONFIG"
DEFAULT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024
_ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PREFIX = re.compile(r"^[A-Z][A-Z0-9]{0,7}$")
_QUEUE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z0-9-]{2,63}$")


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
    password: str = ""
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
    # Seals raw mail at rest (AES-256-GCM); may come from $BRIDGEDESK_INTAKE_KEY. Empty: the
    # desk generates one into the data directory on first start (one host only).
    encryption_key: str = field(default="", repr=False)


INTAKE_KEY_ENV = "BRIDGEDESK_INTAKE_KEY"
INTAKE_KEY_BYTES = 32
INTAKE_KEY_HINT = ('generate one with: python3 -c "import base64, os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())" '
                   "(a Fernet key works too)")


def decode_intake_key(text: str) -> bytes:
    """The 32-byte AES key written as base64 (URL-safe or standard); ValueError when it is not one."""
    try:
        key = base64.b64decode(text.strip().replace("+", "-").replace("/", "_"), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("not base64") from None
    if len(key) != INTAKE_KEY_BYTES:
        raise ValueError(f"{len(key)} bytes, not {INTAKE_KEY_BYTES}")
    return key


@dataclass(frozen=True)
class Outbound:
    """Where replies go. With no SMTP host, mail is written to ``<data>/sent`` (a Maildir)."""

    smtp_host: str = ""
    smtp_port: int = 25
    username: str = ""
    password: str = ""
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
    encryption_key: str = ""   # Fernet key; may come from BRIDGEDESK_RETENTION_KEY


PRIORITIES = ("urgent", "high", "normal", "low")


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
    escalation_queue: str = "supervisor"
    policies: Mapping[str, SlaPolicy] = field(default_factory=dict)
    calendars: Mapping[str, BusinessCalendar] = field(default_factory=dict)
    queue_calendars: Mapping[str, str] = field(default_factory=dict)   # queue slug -> calendar name

    def policy_for(self, priority: str) -> SlaPolicy:
        """The priority's policy; a priority without one gets the [sla] defaults."""
        return self.policies.get(priority) or SlaPolicy(self.first_response_hours, self.first_response_hours, self.resolution_hours)

    def calendar_for(self, queue: str) -> BusinessCalendar | None:
        """The queue's calendar, or None: a queue without a calendar runs around the clock."""
        name = self.queue_calendars.get(queue)
        return self.calendars[name] if name else None


CATEGORIES = ("account_security", "trading", "deposit", "withdrawal", "kyc_aml", "api",
              "promotions", "phishing_report", "feedback", "other")
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
    private_key_pem: bytes = field(default=b"", repr=False)

    @property
    def enabled(self) -> bool:
        return bool(self.selector and self.private_key_pem)


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
    source: str = ""


DEMO_TOML = """\
[brand]
name = "Kestrel Exchange"
official_domains = ["kestrel.exchange"]
support_address = "support@kestrel.exchange"
security_address = "security@kestrel.exchange"
ticket_prefix = "KX"
"""


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """Read the file named by ``path`` or ``$BRIDGEDESK_CONFIG``; without either, the demo brand."""
    chosen = path or os.environ.get(CONFIG_ENV) or ""
    if not chosen:
        return parse_config(tomllib.loads(DEMO_TOML), source="(built-in demo config)")
    file = Path(chosen)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"config file {file} does not exist; pass --config with a path to a TOML file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {file} cannot be read: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {file} is not valid TOML: {exc}") from None
    return parse_config(data, source=str(file))


def parse_config(data: Mapping[str, Any], *, source: str = "") -> Config:
    """Turn parsed TOML into a :class:`Config`, refusing unknown keys and wrong types."""
    _reject_unknown(data, {"brand", "intake", "outbound", "auto_reply", "processing", "retention", "sla", "triage", "dkim"}, "")
    if "brand" not in data:
        raise ConfigError("missing [brand] table: it needs name, official_domains, support_address, security_address, ticket_prefix")
    brand = _parse_brand(_table(data, "brand"))
    return Config(
        brand=brand,
        intake=_parse_intake(_table(data, "intake")),
        outbound=_build(Outbound, _table(data, "outbound"), "outbound", secrets_env={"password": "BRIDGEDESK_SMTP_PASSWORD"}),
        auto_reply=_build(AutoReply, _table(data, "auto_reply"), "auto_reply"),
        processing=_build(Processing, _table(data, "processing"), "processing"),
        retention=_check_retention(_build(Retention, _table(data, "retention"), "retention", secrets_env={"encryption_key": "BRIDGEDESK_RETENTION_KEY"})),
        sla=_parse_sla(_table(data, "sla")),
        triage=_parse_triage(_table(data, "triage")),
        dkim=_parse_dkim(_table(data, "dkim"), brand),
        source=source,
    )


def _parse_triage(table: Mapping[str, Any]) -> Triage:
    """[triage]: threshold, error-code table, completeness rules and routing rules, all checked."""
    _reject_unknown(table, {"confidence_threshold", "error_codes", "requirements", "routes", "trusted_authserv_ids"}, "triage")
    threshold = _coerce(table.get("confidence_threshold", 0.35), 0.35, "triage.confidence_threshold")
    if threshold > 1:
        raise ConfigError("triage.confidence_threshold must be between 0 and 1")
    codes = dict(DEFAULT_ERROR_CODES)
    for code, meaning in _table(table, "error_codes").items():
        if not isinstance(meaning, str):
            raise ConfigError(f'triage.error_codes.{code} must be a string meaning, e.g. "50111" = "Invalid OK-ACCESS-KEY"')
        codes[str(code)] = meaning
    return Triage(
        confidence_threshold=threshold, error_codes=codes,
        requirements=_parse_requirements(_table(table, "requirements")),
        routes=_parse_routes(table.get("routes", [])),
        trusted_authserv_ids=tuple(_string_list(table.get("trusted_authserv_ids", []), "triage.trusted_authserv_ids")),
    )


def _parse_requirements(table: Mapping[str, Any]) -> Mapping[str, tuple[tuple[str, ...], ...]]:
    merged = dict(DEFAULT_REQUIREMENTS)
    for category, groups in table.items():
        key = f"triage.requirements.{category}"
        if category not in CATEGORIES:
            raise ConfigError(f"{key}: unknown category; categories are {', '.join(CATEGORIES)}")
        if not isinstance(groups, list):
            raise ConfigError(f'{key} must be a list such as ["tx_hash"] or [["tx_hash", "order_id"]] (a nested list means either)')
        for item in groups:
            for name in [item] if isinstance(item, str) else item if isinstance(item, list) else [repr(item)]:
                if name not in REQUIRABLE_FIELDS:
                    raise ConfigError(f"{key}: unknown field {name!r}; fields are {', '.join(REQUIRABLE_FIELDS)}")
        merged.update(requirements_from_config({category: groups}))
    return merged


def _parse_routes(entries: Any) -> tuple[RouteRule, ...]:
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ConfigError("triage.routes must be an array of tables: [[triage.routes]] queue = \"funding\" categories = [\"deposit\"]")
    try:
        rules = routes_from_config(entries)
    except ValueError as exc:
        raise ConfigError(f"triage.routes: {exc}") from None
    for rule in rules:
        unknown = [c for c in rule.categories if c not in CATEGORIES]
        if unknown:
            raise ConfigError(f"triage.routes: unknown category {unknown[0]!r} in the rule for queue {rule.queue!r}")
    return rules + DEFAULT_ROUTES   # your rules first; the defaults catch the rest


def _parse_sla(table: Mapping[str, Any]) -> Sla:
    """[sla]: default hours, [sla.policies.<priority>], [sla.calendars.<name>] and the escalation queue."""
    _reject_unknown(table, {"first_response_hours", "resolution_hours", "escalation_queue", "policies", "calendars"}, "sla")
    first = _positive_hours(table.get("first_response_hours", 24), "sla.first_response_hours")
    resolution = _positive_hours(table.get("resolution_hours", 48), "sla.resolution_hours")
    escalation = _coerce(table.get("escalation_queue", "supervisor"), "", "sla.escalation_queue").strip()
    if not _QUEUE.match(escalation):
        raise ConfigError(f'sla.escalation_queue {escalation!r} must be a queue slug such as "supervisor"')
    policies_table = _table(table, "policies")
    _reject_unknown(policies_table, set(PRIORITIES), "sla.policies")
    policies = {priority: _parse_sla_policy(_table(policies_table, priority), f"sla.policies.{priority}", first, resolution)
                for priority in PRIORITIES}
    calendars, queue_calendars = _parse_calendars(_table(table, "calendars"))
    return Sla(first_response_hours=first, resolution_hours=resolution, escalation_queue=escalation,
               policies=policies, calendars=calendars, queue_calendars=queue_calendars)


def _parse_sla_policy(table: Mapping[str, Any], where: str, first: int, resolution: int) -> SlaPolicy:
    """One priority's targets; a key left out takes the [sla] default (next response: the first-response hours)."""
    _reject_unknown(table, {"first_response_hours", "next_response_hours", "resolution_hours"}, where)
    first_here = _positive_hours(table.get("first_response_hours", first), f"{where}.first_response_hours")
    return SlaPolicy(
        first_response_hours=first_here,
        next_response_hours=_positive_hours(table.get("next_response_hours", first_here), f"{where}.next_response_hours"),
        resolution_hours=_positive_hours(table.get("resolution_hours", resolution), f"{where}.resolution_hours"),
    )


def _parse_calendars(tables: Mapping[str, Any]) -> tuple[dict[str, BusinessCalendar], dict[str, str]]:
    """[sla.calendars.<name>]: timezone, hours per weekday, holidays, make-up workdays and the queues it covers."""
    calendars: dict[str, BusinessCalendar] = {}
    queue_calendars: dict[str, str] = {}
    for name in tables:
        where = f"sla.calendars.{name}"
        table = _table(tables, name)
        _reject_unknown(table, {"timezone", "hours", "holidays", "workdays", "queues"}, where)
        if not isinstance(table.get("timezone"), str):
            raise ConfigError(f'{where}.timezone is missing; give an IANA name such as "Asia/Shanghai"')
        try:
            calendars[name] = calendar_from_table(table)
        except ValueError as exc:
            raise ConfigError(f"{where}: {exc}") from None
        for queue in _string_list(table.get("queues", []), f"{where}.queues"):
            if queue in queue_calendars:
                raise ConfigError(f"{where}.queues: queue {queue!r} already follows calendar {queue_calendars[queue]!r}")
            queue_calendars[queue] = name
    return calendars, queue_calendars


def _positive_hours(value: Any, key: str) -> int:
    hours = _coerce(value, 0, key)
    if hours < 1:
        raise ConfigError(f"{key} must be at least 1 (hours), got {value!r}")
    return hours


def _string_list(value: Any, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key} must be a list of strings")
    return value


def _check_retention(retention: Retention) -> Retention:
    """Keeping originals needs a key that really is a Fernet key; say how to make one."""
    if retention.raw_days <= 0:
        return retention
    hint = 'generate one with: python3 -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"'
    if not retention.encryption_key:
        raise ConfigError(f"retention.raw_days is set but retention.encryption_key (or $BRIDGEDESK_RETENTION_KEY) is not; {hint}")
    from cryptography.fernet import Fernet  # start-up cost: only when a retention key is configured

    try:
        Fernet(retention.encryption_key.encode())
    except (ValueError, TypeError):
        raise ConfigError(f"retention.encryption_key is not a valid Fernet key; {hint}") from None
    return retention


DKIM_KEY_ENV = "BRIDGEDESK_DKIM_KEY"
_SELECTOR = re.compile(r"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$")


def _parse_dkim(table: Mapping[str, Any], brand: Brand) -> Dkim:
    """[dkim]: a selector and a readable RSA or Ed25519 key, or nothing at all (signing off)."""
    _reject_unknown(table, {"selector", "domain", "private_key_file"}, "dkim")
    selector = _coerce(table.get("selector", ""), "", "dkim.selector").strip()
    domain = _coerce(table.get("domain", ""), "", "dkim.domain").strip().lower() or brand.mail_domain
    key_file = _coerce(table.get("private_key_file", ""), "", "dkim.private_key_file").strip()
    pem = _read_dkim_key(key_file)
    if not selector and not pem:
        return Dkim(domain=domain)
    if not selector or not _SELECTOR.match(selector):
        raise ConfigError(f'dkim.selector must be set to the DNS selector of the key, e.g. "mail2026" (got {selector!r})')
    if not _DOMAIN.match(domain):
        raise ConfigError(f'dkim.domain {domain!r} is not a domain name, e.g. "kestrel.exchange"')
    if not pem:
        raise ConfigError(f"dkim.selector is set but there is no key: set dkim.private_key_file or ${DKIM_KEY_ENV} (PEM)")
    _check_dkim_key(pem)
    return Dkim(selector=selector, domain=domain, private_key_file=key_file, private_key_pem=pem)


def _read_dkim_key(key_file: str) -> bytes:
    if key_file:
        try:
            return Path(key_file).read_bytes()
        except OSError as exc:
            raise ConfigError(f"dkim.private_key_file {key_file} cannot be read: {exc.strerror or exc}") from None
    return os.environ.get(DKIM_KEY_ENV, "").strip().encode()


def _check_dkim_key(pem: bytes) -> None:
    """The key must be an unencrypted RSA (2048 bits or more) or Ed25519 private key in PEM."""
    from cryptography.hazmat.primitives import serialization  # start-up cost: only with [dkim]
    from cryptography.hazmat.primitives.asymmetric import ed25519, rsa

    hint = "generate one with: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out dkim.pem"
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError):
        raise ConfigError(f"the DKIM key is not an unencrypted PEM private key; {hint}") from None
    if isinstance(key, rsa.RSAPrivateKey) and key.key_size < 1024:
        raise ConfigError(f"the DKIM RSA key has {key.key_size} bits, receivers reject under 1024; {hint}")
    if not isinstance(key, (rsa.RSAPrivateKey, ed25519.Ed25519PrivateKey)):
        raise ConfigError(f"the DKIM key must be RSA or Ed25519; {hint}")


def _parse_brand(table: Mapping[str, Any]) -> Brand:
    required = ("name", "official_domains", "support_address", "security_address", "ticket_prefix")
    _reject_unknown(table, set(required), "brand")
    for key in required:
        if key not in table:
            raise ConfigError(f"brand.{key} is missing")
    name = _typed(table, "name", str, "brand")
    domains = _typed(table, "official_domains", list, "brand")
    if not domains or not all(isinstance(d, str) and _DOMAIN.match(d.lower()) for d in domains):
        raise ConfigError('brand.official_domains must be a non-empty list of domain names, e.g. ["kestrel.exchange"]')
    support = _address(table, "support_address")
    security = _address(table, "security_address")
    prefix = _typed(table, "ticket_prefix", str, "brand")
    if not _PREFIX.match(prefix):
        raise ConfigError(f"brand.ticket_prefix {prefix!r} must be 1-8 capital letters or digits starting with a letter, e.g. \"KX\"")
    return Brand(name=name.strip() or "Support", official_domains=tuple(d.lower() for d in domains),
                 support_address=support, security_address=security, ticket_prefix=prefix)


def _parse_intake(table: Mapping[str, Any]) -> Intake:
    imap_tables = table.get("imap", [])
    if isinstance(imap_tables, dict):
        imap_tables = [imap_tables]
    if not isinstance(imap_tables, list):
        raise ConfigError("intake.imap must be a table or an array of tables ([[intake.imap]])")
    rest = {k: v for k, v in table.items() if k != "imap"}
    base = _build(Intake, rest, "intake", secrets_env={"encryption_key": INTAKE_KEY_ENV})
    sources = tuple(_build(ImapSource, t, "intake.imap", secrets_env={"password": "BRIDGEDESK_IMAP_PASSWORD"}) for t in imap_tables)
    if base.max_message_bytes < 1024:
        raise ConfigError("intake.max_message_bytes must be at least 1024")
    return Intake(max_message_bytes=base.max_message_bytes, max_attachment_bytes=base.max_attachment_bytes,
                  tls_cert=base.tls_cert, tls_key=base.tls_key, imap=sources, encryption_key=_check_intake_key(base.encryption_key))


def _check_intake_key(text: str) -> str:
    """An intake key must be 32 bytes in base64: a wrong one would seal mail no other host can open."""
    if not text:
        return text
    try:
        decode_intake_key(text)
    except ValueError as exc:
        raise ConfigError(f"intake.encryption_key (or ${INTAKE_KEY_ENV}) is not an intake key ({exc}): it must be "
                          f"{INTAKE_KEY_BYTES} random bytes in base64; {INTAKE_KEY_HINT}") from None
    return text


def _build(cls: type, table: Mapping[str, Any], where: str, *, secrets_env: Mapping[str, str] | None = None) -> Any:
    """Build a flat dataclass from a table, checking every key's type against the default's."""
    defaults = cls.__dataclass_fields__
    _reject_unknown(table, set(defaults), where)
    values: dict[str, Any] = {}
    for key, spec in defaults.items():
        if key in table:
            values[key] = _coerce(table[key], spec.default, f"{where}.{key}")
        elif secrets_env and key in secrets_env and os.environ.get(secrets_env[key]):
            values[key] = os.environ[secrets_env[key]]
    if "host" in defaults and "host" not in values:
        raise ConfigError(f"{where}.host is missing")
    return cls(**values)


def _coerce(value: Any, default: Any, key: str) -> Any:
    expected = type(default)
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if expected is int and isinstance(value, bool) or not isinstance(value, expected):
        raise ConfigError(f"{key} must be {_type_word(expected)}, got {value!r}")
    if expected in (int, float) and value < 0:
        raise ConfigError(f"{key} must not be negative, got {value!r}")
    return value


def _type_word(kind: type) -> str:
    return {str: "a string", int: "a whole number", float: "a number", bool: "true or false"}.get(kind, kind.__name__)


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"[{key}] must be a table")
    return value


def _typed(table: Mapping[str, Any], key: str, kind: type, where: str) -> Any:
    value = table[key]
    if not isinstance(value, kind):
        raise ConfigError(f"{where}.{key} must be {_type_word(kind)}, got {value!r}")
    return value


def _address(table: Mapping[str, Any], key: str) -> str:
    value = _typed(table, key, str, "brand").strip().lower()
    if not _ADDRESS.match(value):
        raise ConfigError(f"brand.{key} {value!r} is not an email address, e.g. \"support@kestrel.exchange\"")
    return value


def _reject_unknown(table: Mapping[str, Any], known: set[str], where: str) -> None:
    for key in table:
        if key not in known:
            place = f"{where}.{key}" if where else f"[{key}]"
            raise ConfigError(f"unknown key {place}; known keys here: {', '.join(sorted(known))}")
