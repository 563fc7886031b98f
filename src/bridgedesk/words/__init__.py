"""Every text we send to customers, as pure functions of plain data: acknowledgements, leak advice, phishing verdict replies, sign-in mail.

Templates are per language with an English fallback; a new kind of customer mail gets its module
here, and the desk room that sends it only fills in the facts.
"""
