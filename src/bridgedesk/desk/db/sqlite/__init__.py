"""Django's SQLite backend with lock waits that poll (``ENGINE = "bridgedesk.desk.db.sqlite"``)."""
