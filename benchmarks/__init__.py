"""Benchmarks (not tests): requests, wall time and memory per refresh."""
