"""Benchmarks: never shipped, never imported by the app (see ARCHITECTURE.md)."""
