"""Simulated ScoDoc 9 server (``/ScoDoc``): tokens, department roots, bulletins, assiduités."""

from simulator.scodoc.faults import Faults
from simulator.scodoc.simulator import ScoDocSimulator
from simulator.scodoc.users import DEMO_DEPARTMENT, DEMO_PASSWORD, DEMO_USERNAME, USERS

__all__ = [
    "DEMO_DEPARTMENT",
    "DEMO_PASSWORD",
    "DEMO_USERNAME",
    "USERS",
    "Faults",
    "ScoDocSimulator",
]
