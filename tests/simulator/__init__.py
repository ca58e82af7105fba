"""Behaviour tests of the simulated EcoleDirecte server."""
