"""The config file: a [brand]-only file works; every mistake names its key."""

import tomllib

import pytest

from bridgedesk.config import ConfigError, load_config, parse_config


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


SLA_TOML = """
[sla]
first_response_hours = 24
resolution_hours = 48
escalation_queue = "leads"

[sla.policies.urgent]
first_response_hours = 1
next_response_hours = 2
resolution_hours = 8

[sla.policies.low]
resolution_hours = 120

[sla.calendars.china]
timezone = "Asia/Shanghai"
hours = { mon = "09:00-18:00", tue = "09:00-18:00", wed = "09:00-18:00", thu = "09:00-18:00", fri = ["09:00-12:00", "13:00-18:00"] }
holidays = ["2026-10-01", 2026-10-02]       # 国庆节; TOML dates work too
workdays = ["2026-09-27"]                   # 调休 Sunday worked
queues = ["funding-zh", "general-zh"]
"""


def test_sla_policies_calendars_and_escalation_queue_are_read(config_file):
    from datetime import date

    sla = load_config(config_file(SLA_TOML)).sla
    assert sla.escalation_queue == "leads"
    assert (sla.policy_for("urgent").first_response_hours, sla.policy_for("urgent").next_response_hours,
            sla.policy_for("urgent").resolution_hours) == (1, 2, 8)
    low = sla.policy_for("low")
    assert (low.first_response_hours, low.next_response_hours, low.resolution_hours) == (24, 24, 120)
    china = sla.calendar_for("funding-zh")
    assert china is not None and china.timezone == "Asia/Shanghai"
    assert {date(2026, 10, 1), date(2026, 10, 2)} == set(china.holidays) and date(2026, 9, 27) in china.workdays
    assert len(china.week[4]) == 2 and china.week[5] == ()
    assert sla.calendar_for("security") is None   # no calendar: around the clock


def test_sla_defaults_apply_to_every_priority(config_file):
    sla = load_config(config_file()).sla
    assert sla.escalation_queue == "supervisor" and sla.calendars == {}
    for priority in ("urgent", "high", "normal", "low"):
        policy = sla.policy_for(priority)
        assert (policy.first_response_hours, policy.next_response_hours, policy.resolution_hours) == (24, 24, 48)


@pytest.mark.parametrize("extra, message", [
    ("[sla]\nfirst_respons_hours = 4\n", r"unknown key sla\.first_respons_hours"),
    ("[sla.policies.critical]\nfirst_response_hours = 1\n", r"unknown key sla\.policies\.critical.*urgent"),
    ("[sla.policies.high]\nnext_reply_hours = 1\n", r"unknown key sla\.policies\.high\.next_reply_hours"),
    ("[sla.policies.high]\nresolution_hours = 0\n", r"sla\.policies\.high\.resolution_hours must be at least 1"),
    ("[sla.policies.high]\nfirst_response_hours = \"soon\"\n", r"sla\.policies\.high\.first_response_hours must be a whole number"),
    ('[sla]\nescalation_queue = "Super Visors"\n', r"sla\.escalation_queue"),
    ('[sla.calendars.cn]\ntimezone = "Asia/Beijing"\nhours = { mon = "09:00-18:00" }\n', r"sla\.calendars\.cn: unknown time zone 'Asia/Beijing'"),
    ('[sla.calendars.cn]\nhours = { mon = "09:00-18:00" }\n', r"sla\.calendars\.cn\.timezone is missing"),
    ('[sla.calendars.cn]\ntimezone = "UTC"\nhours = { mon = "18:00-09:00" }\n', r"sla\.calendars\.cn: hours\.mon: .*ends before it starts"),
    ('[sla.calendars.cn]\ntimezone = "UTC"\nhours = { mon = "09:00-18:00" }\nholidays = ["十月一日"]\n', r"sla\.calendars\.cn: holidays: '十月一日' is not a date"),
    ('[sla.calendars.cn]\ntimezone = "UTC"\nhours = { mon = "09:00-18:00" }\nopen = true\n', r"unknown key sla\.calendars\.cn\.open"),
    ('[sla.calendars.a]\ntimezone = "UTC"\nhours = { mon = "09:00-18:00" }\nqueues = ["funding"]\n'
     '[sla.calendars.b]\ntimezone = "UTC"\nhours = { tue = "09:00-18:00" }\nqueues = ["funding"]\n', r"sla\.calendars\.b\.queues: queue 'funding' already follows calendar 'a'"),
])
def test_bad_sla_settings_name_their_key(config_file, extra, message):
    with pytest.raises(ConfigError, match=message):
        load_config(config_file(extra))


def test_trusted_proxies_are_read_as_networks(config_file):
    # Intent: [web] trusted_proxies names the reverse proxies whose X-Forwarded-For we believe;
    # a bare address is a one-address network, and without the key no proxy is trusted.
    from ipaddress import ip_network

    assert load_config(config_file()).web.trusted_proxies == ()
    config = load_config(config_file('[web]\ntrusted_proxies = ["127.0.0.1/32", "192.0.2.0/24", "::1", "2001:db8::/32"]\n'))
    assert config.web.trusted_proxies == tuple(ip_network(n) for n in ("127.0.0.1/32", "192.0.2.0/24", "::1/128", "2001:db8::/32"))


@pytest.mark.parametrize("extra, message", [
    ('[web]\ntrusted_proxies = "127.0.0.1"\n', r"web\.trusted_proxies must be a list of strings"),
    ('[web]\ntrusted_proxies = ["localhost"]\n', r"web\.trusted_proxies: 'localhost' is not an IP address or network.*127\.0\.0\.1/32"),
    ('[web]\ntrusted_proxies = ["192.0.2.1/24"]\n', r"web\.trusted_proxies: '192\.0\.2\.1/24' has bits set past its /24 prefix; did you mean 192\.0\.2\.0/24\?"),
    ('[web]\ntrusted_proxies = ["0.0.0.0/0"]\n', r"web\.trusted_proxies: '0\.0\.0\.0/0' trusts every address"),
    ('[web]\ntrusted_proxy = ["127.0.0.1"]\n', r"unknown key web\.trusted_proxy; known keys here: trusted_proxies"),
])
def test_bad_trusted_proxies_name_the_key_and_the_fix(config_file, extra, message):
    with pytest.raises(ConfigError, match=message):
        load_config(config_file(extra))
