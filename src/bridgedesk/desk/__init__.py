"""The desk (Django app ``desk``): records and the rooms that act on them.

``models`` records; ``processing`` receive, understand, find the ticket, store, for every channel;
``actions`` what agents, customers and jobs do to a ticket; ``outbox`` every outgoing mail;
``jobs`` the only place that touches task objects; ``db`` raw SQL, bulk writes, SQLite locks;
``search`` full-text index; ``console`` what the agent console reads; ``sla`` deadlines and breaches; ``security`` phishing campaigns and the
official-channel registry; ``learning`` what the desk learns from its records; ``setup`` default
records and demo data; ``worker`` the worker process; ``runtime`` the process-wide config and model.
A new feature (help center, chat, surveys, reports) gets its own room with the same slots:
models module, actions, queries, jobs, and a web module under ``bridgedesk.web``.
"""
