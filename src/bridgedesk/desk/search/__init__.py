"""Full-text search over tickets in Chinese and English, on SQLite (FTS5) and PostgreSQL (tsvector)."""
