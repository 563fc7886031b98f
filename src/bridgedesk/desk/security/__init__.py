"""The security team's records: phishing campaigns grouped from reports, and the registry of official channels."""
