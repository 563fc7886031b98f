"""Everything people reach over HTTP (Django app ``web``): ``console`` for agents, ``portal`` for customers, ``public`` for anyone (verify page), ``auth`` for who may come in and see what, ``admin`` for configuration.

Views are thin: they read through queries and change through ``bridgedesk.desk.actions``; a new
feature adds its own sub-package (help center: ``web/help``).
"""
