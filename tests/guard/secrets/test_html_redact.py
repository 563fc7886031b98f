from html.parser import HTMLParser

from bridgedesk.guard.secrets.detect import find_secrets
from bridgedesk.guard.secrets.html_redact import redact_html

WORDS = "legal winner thank year wave sausage worth useful legal winner thank yellow".split()


class _TagCounter(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_endtag(self, tag):
        self.tags.append("/" + tag)

    def handle_data(self, data):
        self.text.append(data)


def structure(markup):
    parser = _TagCounter()
    parser.feed(markup)
    return parser.tags, "".join(parser.text)


def test_phrase_split_over_list_items_is_removed_and_tags_survive():
    markup = "<p>Hi &amp; thanks,</p><ol>" + "".join(f"<li>{w}</li>" for w in WORDS) + "</ol><p>Bob</p>"
    safe, findings = redact_html(markup, find_secrets)
    assert [f.type for f in findings] == ["seed_phrase"]
    tags_before, _ = structure(markup)
    tags_after, text_after = structure(safe)
    assert tags_after == tags_before
    assert "[REDACTED:seed_phrase]" in text_after
    assert not any(w in text_after for w in ("sausage", "winner", "yellow"))
    assert "Hi & thanks," in text_after and "Bob" in text_after


def test_secret_inside_inline_tags_and_entities():
    markup = "<p>my <b>password</b> is <i>Hunter&amp;22</i> ok</p>"
    safe, _ = redact_html(markup, find_secrets)
    assert safe == "<p>my <b>password</b> is <i>[REDACTED:password]</i> ok</p>"


def test_attribute_values_are_redacted_and_requoted():
    markup = "<input value='api_secret=Zx9aQ8wE7rT6yU5iO4pL3kJ2' title=x><a href=\"https://x/?a=1&amp;b=2\">x</a>"
    safe, findings = redact_html(markup, find_secrets)
    assert [f.type for f in findings] == ["api_secret"]
    assert 'value="api_secret=[REDACTED:api_secret]"' in safe
    assert 'href="https://x/?a=1&amp;b=2"' in safe and "title=x" in safe


def test_markup_without_secrets_is_returned_byte_for_byte():
    markup = "<div class=a>Hello &nbsp; <!-- note --> <br/>world</div>"
    assert redact_html(markup, find_secrets) == (markup, [])


def test_secret_in_an_html_comment_is_redacted():
    markup = "<p>hi</p><!-- my password is Hunter22 --><p>bye</p>"
    safe, findings = redact_html(markup, find_secrets)
    assert safe == "<p>hi</p><!-- my password is [REDACTED:password] --><p>bye</p>"
    assert [f.type for f in findings] == ["password"]
