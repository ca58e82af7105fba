"""Simulated Lectio (Macom A/S) web site: ASP.NET WebForms pages under ``/lectio/<school id>/``."""

from simulator.lectio.simulator import LectioSimulator

__all__ = ["LectioSimulator"]
