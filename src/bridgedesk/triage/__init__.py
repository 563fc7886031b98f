"""Triage: language, category, priority, entities and what is missing, from a message's text. Pure code on plain data.

``category`` is the trainable model; ``entities`` extracts and checksum-validates identifiers;
the flat modules are small rule sets (language, priority, routing, completeness, search tokens).
"""
