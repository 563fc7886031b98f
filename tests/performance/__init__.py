"""Tests that pin performance tricks: each proves a fast path gives exactly what the plain one
would (same vectors, same query plans, same rows), or bounds a cost in CPU time. They live
apart so a reader can tell a behaviour test from a guard on an optimisation."""
