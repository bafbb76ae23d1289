"""Benchmarks: the engine against the raw libraries on the same work."""
