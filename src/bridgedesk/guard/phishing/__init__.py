"""Phishing reports: find the message a customer reports, then judge it by its sender, links, content and authentication (``analysis.analyse_report``)."""
