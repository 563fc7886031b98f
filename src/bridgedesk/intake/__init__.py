"""bridgedesk.intake"""
