"""bridgedesk.mail"""
