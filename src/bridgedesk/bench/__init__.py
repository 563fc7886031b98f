"""Benchmarks whose JSON output is part of the contract (CONTRACTS.md)."""
