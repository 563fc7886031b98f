"""Our own replies: refuse an agent's reply that asks for a secret, and confirm links to places that are not ours."""
