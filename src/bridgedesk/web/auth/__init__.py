"""Who may come in and what they may see: ticket access rules, the second factor, login limits and the browser-facing defences (CSP, cookies)."""
