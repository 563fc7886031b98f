"""Load and validate the one TOML configuration file into the schema (``schema.py``).

Pure code: no Django. The desk reads a :class:`Config` once at start; every problem in the
file is reported as a :class:`ConfigError` that names the offending key and says how to fix
it, so an operator never meets a traceback for a typo. Which keys a table may have, their
defaults and the environment variables secrets may come from are read from the schema's
dataclasses, never restated here.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from ipaddress import IPv4Network, IPv6Network, ip_network
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from bridgedesk.config.schema import (
    CONFIG_ENV,
    DKIM_KEY_ENV,
    INTAKE_KEY_BYTES,
    INTAKE_KEY_ENV,
    INTAKE_KEY_HINT,
    REQUIRABLE_FIELDS,
    AutoReply,
    Brand,
    Config,
    ConfigError,
    Dkim,
    ImapSource,
    Intake,
    Outbound,
    Processing,
    Retention,
    Sla,
    SlaPolicy,
    Triage,
    Web,
    decode_intake_key,
    required_keys,
    secret_env,
    table_keys,
)
from bridgedesk.sla import BusinessCalendar, calendar_from_table
from bridgedesk.triage.completeness import DEFAULT_REQUIREMENTS, requirements_from_config
from bridgedesk.triage.entities.errorcodes import DEFAULT_ERROR_CODES
from bridgedesk.triage.routing import DEFAULT_ROUTES, RouteRule, routes_from_config
from bridgedesk.triage.vocabulary import CATEGORIES, PRIORITY_ORDER

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    _Section = TypeVar("_Section", bound=DataclassInstance)

_ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PREFIX = re.compile(r"^[A-Z][A-Z0-9]{0,7}$")
_QUEUE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z0-9-]{2,63}$")


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
    _reject_unknown(data, table_keys(Config), "")
    if "brand" not in data:
        raise ConfigError(f"missing [brand] table: it needs {', '.join(required_keys(Brand))}")
    brand = _parse_brand(_table(data, "brand"))
    return Config(
        brand=brand,
        intake=_parse_intake(_table(data, "intake")),
        outbound=_build(Outbound, _table(data, "outbound"), "outbound"),
        auto_reply=_build(AutoReply, _table(data, "auto_reply"), "auto_reply"),
        processing=_build(Processing, _table(data, "processing"), "processing"),
        retention=_check_retention(_build(Retention, _table(data, "retention"), "retention")),
        sla=_parse_sla(_table(data, "sla")),
        triage=_parse_triage(_table(data, "triage")),
        dkim=_parse_dkim(_table(data, "dkim"), brand),
        web=_parse_web(_table(data, "web")),
        source=source,
    )


def _parse_triage(table: Mapping[str, Any]) -> Triage:
    """[triage]: threshold, error-code table, completeness rules and routing rules, all checked."""
    _reject_unknown(table, table_keys(Triage), "triage")
    threshold = _coerce(table.get("confidence_threshold", Triage.confidence_threshold), Triage.confidence_threshold,
                        "triage.confidence_threshold")
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
    _reject_unknown(table, table_keys(Sla), "sla")
    first = _positive_hours(table.get("first_response_hours", Sla.first_response_hours), "sla.first_response_hours")
    resolution = _positive_hours(table.get("resolution_hours", Sla.resolution_hours), "sla.resolution_hours")
    escalation = _coerce(table.get("escalation_queue", str(Sla.escalation_queue)), "", "sla.escalation_queue").strip()
    if not _QUEUE.match(escalation):
        raise ConfigError(f'sla.escalation_queue {escalation!r} must be a queue slug such as "supervisor"')
    policies_table = _table(table, "policies")
    _reject_unknown(policies_table, set(PRIORITY_ORDER), "sla.policies")
    policies: dict[str, SlaPolicy] = {priority: _parse_sla_policy(_table(policies_table, priority), f"sla.policies.{priority}", first, resolution)
                for priority in PRIORITY_ORDER}
    calendars, queue_calendars = _parse_calendars(_table(table, "calendars"))
    return Sla(first_response_hours=first, resolution_hours=resolution, escalation_queue=escalation,
               policies=policies, calendars=calendars, queue_calendars=queue_calendars)


def _parse_sla_policy(table: Mapping[str, Any], where: str, first: int, resolution: int) -> SlaPolicy:
    """One priority's targets; a key left out takes the [sla] default (next response: the first-response hours)."""
    _reject_unknown(table, table_keys(SlaPolicy), where)
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


_SELECTOR = re.compile(r"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$")


def _parse_dkim(table: Mapping[str, Any], brand: Brand) -> Dkim:
    """[dkim]: a selector and a readable RSA or Ed25519 key, or nothing at all (signing off)."""
    _reject_unknown(table, table_keys(Dkim), "dkim")
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


_PROXY_HINT = 'list the addresses or networks of your reverse proxies, e.g. ["127.0.0.1/32", "10.0.0.0/8"]'


def _parse_web(table: Mapping[str, Any]) -> Web:
    """[web]: the trusted proxies, each an address or a CIDR network."""
    _reject_unknown(table, table_keys(Web), "web")
    entries = _string_list(table.get("trusted_proxies", []), "web.trusted_proxies")
    return Web(trusted_proxies=tuple(_proxy_network(entry.strip()) for entry in entries))


def _proxy_network(entry: str) -> IPv4Network | IPv6Network:
    """One trusted proxy; a network with host bits set, or one holding every address, is a mistake to name."""
    try:
        network = ip_network(entry, strict=False)
    except ValueError:
        raise ConfigError(f"web.trusted_proxies: {entry!r} is not an IP address or network; {_PROXY_HINT}") from None
    if network.prefixlen == 0:
        raise ConfigError(f"web.trusted_proxies: {entry!r} trusts every address, so any client could choose the address "
                          f"it is counted as; {_PROXY_HINT}")
    try:
        ip_network(entry)   # strict: 10.0.0.1/8 is refused, so a typo in the address is not silently widened
    except ValueError:
        raise ConfigError(f"web.trusted_proxies: {entry!r} has bits set past its /{network.prefixlen} prefix; did you mean {network}?") from None
    return network


def _parse_brand(table: Mapping[str, Any]) -> Brand:
    required = required_keys(Brand)
    _reject_unknown(table, table_keys(Brand), "brand")
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
    base = _build(Intake, rest, "intake")
    sources = tuple(_build(ImapSource, t, "intake.imap") for t in imap_tables)
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


def _build(cls: type[_Section], table: Mapping[str, Any], where: str) -> _Section:
    """Build a flat dataclass from a table, checking every key's type against the default's;
    a secret left out of the file may come from the environment variable its field names."""
    defaults = cls.__dataclass_fields__
    _reject_unknown(table, table_keys(cls), where)
    from_env = secret_env(cls)
    values: dict[str, Any] = {}
    for key, spec in defaults.items():
        if key in table:
            values[key] = _coerce(table[key], spec.default, f"{where}.{key}")
        elif key in from_env and os.environ.get(from_env[key]):
            values[key] = os.environ[from_env[key]]
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
