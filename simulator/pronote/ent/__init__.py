"""Simulated ENTs in front of the Pronote space pages (Pronote protocol §8): one module per family.

``sim.ent_family`` picks the family (see ``families.py``); ``sim.ent`` holds
their state and switches (``state.py``); ``router.py`` serves ``/pronote/ent/...``.
"""
