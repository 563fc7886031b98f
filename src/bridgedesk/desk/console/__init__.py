"""What the agent console reads: queue counts, the order of work, the next ticket, a ticket's timeline. Queries only; no changes."""
