"""Who the simulated ENTs let in: the Pronote demo logins with their password.

The ENT demo's own login is ``demo.ent`` / ``pronotevs``; ``demonstration`` works too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simulator.pronote.simulator import PronoteSimulator


def check_credentials(sim: PronoteSimulator, username: str, password: str) -> str | None:
    """The account's login when the password is right, else None."""
    accounts = sim.world.accounts_of(username.strip())
    if not accounts or accounts[0].password != password:
        return None
    return accounts[0].username
