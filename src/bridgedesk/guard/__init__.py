"""bridgedesk.guard"""
