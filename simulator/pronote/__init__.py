"""Simulated PRONOTE server (``/pronote``) with demo data, real crypto and fault injection."""

from simulator.pronote.faults import Faults
from simulator.pronote.simulator import DEMO_ACCOUNTS, PronoteSimulator

__all__ = ["DEMO_ACCOUNTS", "Faults", "PronoteSimulator"]
