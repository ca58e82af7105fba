"""Behaviour tests of the simulated Pronote server."""
