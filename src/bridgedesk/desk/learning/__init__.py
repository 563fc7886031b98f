"""What the desk learns from its own records: the category model retrained from agents' decisions."""
