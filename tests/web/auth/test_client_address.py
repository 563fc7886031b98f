"""Whom a request comes from: the socket peer, or what a trusted proxy says it forwarded for.

X-Forwarded-For is written by whoever sends the request, so it is believed only from a
reverse proxy named in ``[web] trusted_proxies``, and then only its right-most hop that is not
one of our proxies: everything left of that was written by the client and proves nothing.
"""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from bridgedesk.web.auth.client_address import client_ip

pytestmark = pytest.mark.django_db
PROXIES = '[web]\ntrusted_proxies = ["127.0.0.1/32", "192.0.2.0/24", "::1"]\n'


def seen_as(peer: str, forwarded_for: str | None = None) -> str:
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for is not None else {}
    return client_ip(RequestFactory().get("/", REMOTE_ADDR=peer, **headers))


def test_without_trusted_proxies_the_header_is_ignored(desk_config):
    # Intent: the default trusts no one; a client cannot choose the address it is counted as.
    assert seen_as("203.0.113.9", "198.51.100.1") == "203.0.113.9"
    assert seen_as("127.0.0.1", "198.51.100.1") == "127.0.0.1"


def test_from_an_untrusted_peer_the_header_is_ignored(desk_config):
    desk_config(PROXIES)
    assert seen_as("203.0.113.9", "198.51.100.1") == "203.0.113.9"


@pytest.mark.parametrize("peer, forwarded_for, client", [
    ("127.0.0.1", "198.51.100.1", "198.51.100.1"),                         # one proxy
    ("127.0.0.1", "198.51.100.1, 192.0.2.3", "198.51.100.1"),               # two proxies of ours
    ("127.0.0.1", "6.6.6.6, 198.51.100.1", "198.51.100.1"),                # the client forged the left part
    ("127.0.0.1", "6.6.6.6,198.51.100.1,192.0.2.3", "198.51.100.1"),
    ("127.0.0.1", "[2001:db8::7]:4711, 192.0.2.3", "2001:db8::7"),          # IPv6 with a port, bracketed
    ("127.0.0.1", "198.51.100.1:5000", "198.51.100.1"),                    # IPv4 with a port
    ("::1", "::ffff:198.51.100.1", "198.51.100.1"),                        # IPv4-mapped IPv6 is the IPv4 address
    ("127.0.0.1", "192.0.2.9, 192.0.2.3", "192.0.2.9"),                       # every hop ours: the farthest
    ("127.0.0.1", "", "127.0.0.1"),                                        # a proxy's own request
    ("127.0.0.1", "not-an-address, 192.0.2.3", "192.0.2.3"),                 # garbage: the nearest proxy vouches only for itself
    ("127.0.0.1", "198.51.100.1, unknown", "127.0.0.1"),
])
def test_from_a_trusted_proxy_the_right_most_untrusted_hop_is_the_client(desk_config, peer, forwarded_for, client):
    desk_config(PROXIES)
    assert seen_as(peer, forwarded_for) == client
