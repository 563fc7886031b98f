"""The database underneath: our SQLite engine with polled lock waits, the write lock, bulk inserts, planner statistics. Never called from web code."""
