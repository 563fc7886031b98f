"""The customer portal: one-time sign-in links, a customer's own tickets, replies with files."""
