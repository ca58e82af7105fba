"""Simulated EcoleDirecte server (``/v3`` API) with demo data and fault injection."""

from simulator.ecoledirecte.faults import Faults
from simulator.ecoledirecte.simulator import DEMO_ACCOUNTS, EcoleDirecteSimulator

__all__ = ["DEMO_ACCOUNTS", "EcoleDirecteSimulator", "Faults"]
