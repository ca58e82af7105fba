"""Simulated PRONOTE server (``/pronote``) with demo data, real crypto and fault injection."""

from simulator.pronote.faults import Faults
from simulator.pronote.simulator import DEMO_ACCOUNTS, DEMO_LOGIN_MODES, PronoteSimulator

__all__ = ["DEMO_ACCOUNTS", "DEMO_LOGIN_MODES", "Faults", "PronoteSimulator"]
