"""The schema's dataclasses are the one statement of the configuration: a file that only names the
brand loads into exactly the dataclasses' defaults, every key a table accepts is a field, and
secrets may come from the environment variables their fields name."""

from __future__ import annotations

import dataclasses

import pytest

from bridgedesk.config import (
    AutoReply,
    Brand,
    Config,
    ConfigError,
    Dkim,
    Intake,
    Outbound,
    Processing,
    Retention,
    Sla,
    Triage,
    Web,
    parse_config,
)
from bridgedesk.config.schema import required_keys, secret_env, table_keys

BRAND = {"name": "K", "official_domains": ["k.example"], "support_address": "s@k.example",
         "security_address": "sec@k.example", "ticket_prefix": "K"}


def test_a_file_with_only_the_brand_loads_the_dataclass_defaults():
    config = parse_config({"brand": BRAND})
    for name, cls in (("intake", Intake), ("outbound", Outbound), ("auto_reply", AutoReply), ("processing", Processing),
                      ("retention", Retention), ("triage", Triage), ("web", Web)):
        assert getattr(config, name) == cls(), f"[{name}] defaults differ from the schema's"
    assert (config.sla.first_response_hours, config.sla.resolution_hours, config.sla.escalation_queue) == (
        Sla.first_response_hours, Sla.resolution_hours, Sla.escalation_queue)
    assert config.dkim == Dkim(domain="k.example")


@pytest.mark.parametrize("cls", [Intake, Outbound, AutoReply, Processing, Retention, Sla, Triage, Dkim, Web])
def test_every_key_of_a_table_is_accepted_and_a_stranger_is_named(cls):
    key = next(f.name for f in dataclasses.fields(Config) if f.type == cls.__name__)   # its [table] name
    with pytest.raises(ConfigError) as refused:
        parse_config({"brand": BRAND, key: {"no_such_key": 1}})
    assert f"{key}.no_such_key" in str(refused.value) and all(name in str(refused.value) for name in table_keys(cls))


def test_the_brand_keys_are_the_required_fields():
    assert required_keys(Brand) == tuple(BRAND)
    with pytest.raises(ConfigError, match="brand.ticket_prefix is missing"):
        parse_config({"brand": {k: v for k, v in BRAND.items() if k != "ticket_prefix"}})


def test_secrets_come_from_the_environment_variables_their_fields_name(monkeypatch):
    assert secret_env(Outbound) == {"password": "BRIDGEDESK_SMTP_PASSWORD"}
    monkeypatch.setenv("BRIDGEDESK_SMTP_PASSWORD", "from-the-environment")
    assert parse_config({"brand": BRAND}).outbound.password == "from-the-environment"
