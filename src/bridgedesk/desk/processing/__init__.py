"""Processing, for every channel: receive raw mail durably, understand it, find its ticket, store it, retry or park what fails.

A new channel (chat, portal, phone, API) is an adapter that calls into here; the rules for what a
customer's message does to a ticket live in ``replies`` once.
"""
