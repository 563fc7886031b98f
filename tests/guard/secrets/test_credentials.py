import json

import pytest

from bridgedesk.guard.secrets.credentials import find_credentials

UUID_KEY = "2a6b5c3e-1f4d-4e8a-9b7c-0d1e2f3a4b5c"
SECRET = "Zx9aQ8wE7rT6yU5iO4pL3kJ2hG1fD0sA"
BINANCE_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"


def found(text):
    return [(f.type, text[f.start : f.end]) for f in find_credentials(text)]


def test_key_value_text():
    text = f"API Key: {UUID_KEY}\nSecret Key: {SECRET}\nPassphrase: Kestrel#2024"
    assert found(text) == [("api_key", UUID_KEY), ("api_secret", SECRET), ("passphrase", "Kestrel#2024")]


def test_json_credentials():
    text = json.dumps({"apiKey": UUID_KEY, "secretKey": SECRET, "passphrase": "Kestrel#2024"})
    assert found(text) == [("api_key", UUID_KEY), ("api_secret", SECRET), ("passphrase", "Kestrel#2024")]


def test_curl_headers():
    text = (
        f'curl -H "X-MBX-APIKEY: {BINANCE_KEY}" https://api.example/v3/account\n'
        f"curl -H 'OK-ACCESS-KEY: {UUID_KEY}' -H 'OK-ACCESS-PASSPHRASE: Kestrel2024!' https://x"
    )
    assert found(text) == [("api_key", BINANCE_KEY), ("api_key", UUID_KEY), ("passphrase", "Kestrel2024!")]


def test_python_code_snippet():
    text = f'client = Client(api_key="{UUID_KEY}", api_secret=\'{SECRET}\')'
    assert found(text) == [("api_key", UUID_KEY), ("api_secret", SECRET)]


def test_chinese_labels():
    text = f"API Key：{UUID_KEY}\n密钥：{SECRET}"
    assert found(text) == [("api_key", UUID_KEY), ("api_secret", SECRET)]


@pytest.mark.parametrize(
    "text",
    [
        "my API key is not working since yesterday",
        "The secret is that we never sleep.",
        "Where do I find the secret key setting?",
        "api key: please advise",
        "passphrase: ****",
        "public key: see attachment",
    ],
)
def test_prose_about_keys_is_not_a_credential(text):
    assert found(text) == []


def test_uuid_without_label_is_not_a_credential():
    assert found(f"request id {UUID_KEY} failed") == []
