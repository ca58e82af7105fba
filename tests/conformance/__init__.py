"""Conformance of the simulated EcoleDirecte server with the unmodified pydirecte client."""
