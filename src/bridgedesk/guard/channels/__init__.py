"""Official channels: what a person pasted into the verify box (``query``), judged against our domains and the registry (``registry``)."""
