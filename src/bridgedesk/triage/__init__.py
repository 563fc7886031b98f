"""bridgedesk.triage"""
