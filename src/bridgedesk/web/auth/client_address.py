"""Whom a request comes from: the one place that decides it (login limits, verify limit, audit log).

The socket peer, unless the peer is a reverse proxy named in ``[web] trusted_proxies``: then the
X-Forwarded-For hops are read from the right, each one ours being passed over, and the first
that is not ours is the client. Everything left of it was written by the client itself, so an
address put there to dodge a limit changes nothing. A hop that is no address at all stops the
walk at the nearest proxy, which vouches only for itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address

from django.http import HttpRequest

from bridgedesk.desk.runtime import get_config

UNKNOWN = "unknown"


def client_ip(request: HttpRequest) -> str:
    """The client's address as text, by the rule above and the configured proxies."""
    return client_address(request.META.get("REMOTE_ADDR", ""), request.META.get("HTTP_X_FORWARDED_FOR", ""),
                          get_config().web.trusted_proxies)


def client_address(peer: str, forwarded_for: str, trusted: Sequence[IPv4Network | IPv6Network]) -> str:
    nearest = parse_address(peer)
    if nearest is None:
        return peer or UNKNOWN
    if not _is_trusted(nearest, trusted):
        return str(nearest)
    for hop in reversed(forwarded_for.split(",") if forwarded_for.strip() else []):
        address = parse_address(hop)
        if address is None:
            break
        if not _is_trusted(address, trusted):
            return str(address)
        nearest = address
    return str(nearest)


def parse_address(text: str) -> IPv4Address | IPv6Address | None:
    """An address as proxies write it (``1.2.3.4``, ``1.2.3.4:80``, ``[2001:db8::1]:80``, ``::1``), or None."""
    text = text.strip()
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    try:
        address = ip_address(text)
    except ValueError:
        return None
    if isinstance(address, IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _is_trusted(address: IPv4Address | IPv6Address, trusted: Sequence[IPv4Network | IPv6Network]) -> bool:
    return any(address.version == network.version and address in network for network in trusted)
