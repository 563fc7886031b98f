"""The doors mail comes in by: the SMTP listener, the IMAP poller and file import, each a thin adapter over ``desk.processing.receive``."""
