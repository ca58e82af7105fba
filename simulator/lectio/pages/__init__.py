"""Renderers of the simulated Lectio pages (pure functions of the demo data)."""
