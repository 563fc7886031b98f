"""The agent console: queue views, the ticket page and its actions, search, attachments shown safely."""
