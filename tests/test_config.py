"""The config file: a [brand]-only file works; every mistake names its key."""

import pytest

from bridgedesk.config import ConfigError, load_config, parse_config
import tomllib


def test_brand_only_config_gets_defaults_for_everything_else(config_file):
    config = load_config(config_file())
    assert config.brand.ticket_prefix == "KX"
    assert config.brand.own_addresses == ("support@kestrel.exchange", "security@kestrel.exchange")
    assert config.intake.max_message_bytes == 25 * 1024 * 1024
    assert config.sla.first_response_hours == 24 and config.sla.resolution_hours == 48


def test_unknown_key_is_named_with_the_known_ones(config_file):
    with pytest.raises(ConfigError, match=r"unknown key intake\.max_size.*max_message_bytes"):
        load_config(config_file("[intake]\nmax_size = 10\n"))


def test_wrong_type_is_named(config_file):
    with pytest.raises(ConfigError, match=r"auto_reply\.window_minutes must be a whole number"):
        load_config(config_file("[auto_reply]\nwindow_minutes = \"soon\"\n"))


@pytest.mark.parametrize("line, key", [
    ('ticket_prefix = "kx-1"', "ticket_prefix"),
    ('support_address = "not-an-address"', "support_address"),
    ("official_domains = []", "official_domains"),
])
def test_bad_brand_values_are_refused(line, key):
    base = {
        "name": "K", "official_domains": ["kestrel.exchange"], "support_address": "support@kestrel.exchange",
        "security_address": "security@kestrel.exchange", "ticket_prefix": "KX",
    }
    base.update(tomllib.loads(line))
    with pytest.raises(ConfigError, match=f"brand.{key}"):
        parse_config({"brand": base})


def test_missing_file_and_bad_toml_are_clear(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[brand\nname=", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(bad)


def test_imap_sources_and_secret_from_environment(config_file, monkeypatch):
    monkeypatch.setenv("BRIDGEDESK_IMAP_PASSWORD", "from-env")
    config = load_config(config_file('[[intake.imap]]\nhost = "127.0.0.1"\nport = 1143\nssl = false\nusername = "support"\n'))
    assert config.intake.imap[0].port == 1143
    assert config.intake.imap[0].password == "from-env"


def test_imap_source_without_host_is_refused(config_file):
    with pytest.raises(ConfigError, match=r"intake\.imap\.host is missing"):
        load_config(config_file('[[intake.imap]]\nport = 1143\n'))


def test_retention_needs_a_real_key(config_file):
    with pytest.raises(ConfigError, match="encryption_key"):
        load_config(config_file("[retention]\nraw_days = 30\n"))
    with pytest.raises(ConfigError, match="not a valid Fernet key"):
        load_config(config_file('[retention]\nraw_days = 30\nencryption_key = "short"\n'))
    from cryptography.fernet import Fernet

    key = Fernet.generate_key().decode()
    assert load_config(config_file(f'[retention]\nraw_days = 30\nencryption_key = "{key}"\n')).retention.raw_days == 30


def test_triage_table_extends_the_defaults(config_file):
    config = load_config(config_file(
        '[triage]\nconfidence_threshold = 0.5\n[triage.error_codes]\n"60009" = "Login failed"\n'
        '[triage.requirements]\nkyc_aml = ["uid"]\n'
        '[[triage.routes]]\nqueue = "funding-zh"\ncategories = ["deposit", "withdrawal"]\nlanguages = ["zh"]\n'))
    from bridgedesk.triage.routing import route

    assert config.triage.confidence_threshold == 0.5
    assert config.triage.error_codes["60009"] == "Login failed" and "50111" in config.triage.error_codes
    assert config.triage.requirements["kyc_aml"] == (("uid",),) and config.triage.requirements["deposit"] == (("tx_hash",),)
    assert route("deposit", "zh", "high", rules=config.triage.routes) == "funding-zh"
    assert route("deposit", "en", "high", rules=config.triage.routes) == "funding"


@pytest.mark.parametrize("toml, message", [
    ('[triage.requirements]\nrefunds = ["tx_hash"]\n', "unknown category"),
    ('[triage.requirements]\ndeposit = ["txid"]\n', "unknown field 'txid'"),
    ('[[triage.routes]]\ncategories = ["deposit"]\n', "needs a queue name"),
    ('[[triage.routes]]\nqueue = "x"\ncategories = ["refunds"]\n', "unknown category 'refunds'"),
    ('[triage]\nconfidence_threshold = 3\n', "between 0 and 1"),
])
def test_triage_mistakes_are_named(config_file, toml, message):
    with pytest.raises(ConfigError, match=message):
        load_config(config_file(toml))
