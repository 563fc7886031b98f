"""Jobs: the task objects, the functions that enqueue them, the worker engine that chains them, and the recovery of jobs whose worker died. The only place that touches task objects."""
