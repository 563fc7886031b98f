"""Leaked secrets: find recovery phrases, keys, passwords, cards and ID numbers, and redact them before anything is stored.

``scan.guard_message`` guards a whole message; ``detect.find_secrets`` runs every detector; each
detector module returns ``findings.Finding`` spans; ``files`` reads the text inside PDFs, Office
files and archives, within bounds, and ``ocr`` the text in pictures. A new secret type is one
detector module plus one line in ``detect``.
"""
