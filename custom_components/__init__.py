"""Custom integrations of this repository (Schoolbag)."""
