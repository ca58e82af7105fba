"""Tests of the Schoolbag integration."""
