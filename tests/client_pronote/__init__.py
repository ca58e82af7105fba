"""Tests of the Pronote client."""
