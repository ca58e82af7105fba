"""ENT login in front of a Pronote space (spec 8.1): kept for the callers of ``open_through_cas``.

The space page without ``login=true`` redirects to the school's ENT; the
``ent`` package walks through it (generic CAS, EduConnect and the ENTs in
front of it, Open ENT NG, WAYF discovery, Keycloak) back to the space page
whose bootstrap carries the ENT login (``e``) and one-shot secret (``f``).
"""

from __future__ import annotations

from .ent import open_through_ent
from .http_client import Http, Page


async def open_through_cas(http: Http, page_url: str, username: str, password: str) -> Page:
    """Log in on the ENT the space page redirects to; return the Pronote space page."""
    return await open_through_ent(http, page_url, username, password)
