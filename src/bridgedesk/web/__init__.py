"""bridgedesk.web"""
