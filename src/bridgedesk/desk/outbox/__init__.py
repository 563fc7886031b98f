"""Every outgoing mail: queued as rows in the caller's transaction (``queue``), sent by a job (``deliver``)."""
