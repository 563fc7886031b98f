"""bridgedesk.desk"""
