"""The configuration: ``schema`` says what a configuration is (one dataclass per TOML table, the
only statement of each key and its default), ``loading`` reads and validates the TOML file into
it with errors that name the key. Pure code: no Django.
"""

from bridgedesk.config.loading import DEMO_TOML, load_config, parse_config
from bridgedesk.config.schema import (
    CONFIG_ENV,
    DEFAULT_MAX_MESSAGE_BYTES,
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
)

__all__ = [
    "CONFIG_ENV", "DEFAULT_MAX_MESSAGE_BYTES", "DEMO_TOML", "DKIM_KEY_ENV", "INTAKE_KEY_BYTES", "INTAKE_KEY_ENV", "INTAKE_KEY_HINT", "REQUIRABLE_FIELDS", "AutoReply", "Brand",
    "Config", "ConfigError", "Dkim", "ImapSource", "Intake", "Outbound", "Processing", "Retention", "Sla", "SlaPolicy",
    "Triage", "Web", "decode_intake_key", "load_config", "parse_config",
]
