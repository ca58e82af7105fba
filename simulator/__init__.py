"""Simulated school-platform servers used by Schoolbag's tests, demo and benchmarks.

This package is not shipped with the integration. It serves every implemented platform on a
single aiohttp application (see :func:`simulator.app.build_app`); run it with
``python -m simulator``.
"""
