"""Tests of the HA-free EcoleDirecte client."""
