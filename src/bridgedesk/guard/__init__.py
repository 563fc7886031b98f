"""The guard: what must never be stored, and what is not what it claims to be. Pure code on plain data.

``secrets`` finds and redacts leaked secrets; ``phishing`` analyses reported messages; ``names``
judges whether a domain imitates ours; ``channels`` answers "is this address or handle official?";
``outbound`` lints an agent's reply before it is sent. A new detector goes in the sub-package of
what it detects.
"""
