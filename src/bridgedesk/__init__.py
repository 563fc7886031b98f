"""bridgedesk: an email-first support desk for cryptocurrency exchanges."""
