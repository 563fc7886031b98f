"""What a fresh desk needs (default queues) and what the demo adds (agents, sample mail)."""
