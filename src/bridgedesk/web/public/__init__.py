"""Pages anyone may open without signing in: the "is this really us?" verify page and its JSON API, and the health checks (``/healthz``, ``/readyz``)."""
