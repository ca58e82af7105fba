"""The CAS side every simulated ENT shows Pronote: ``cas/login?service=<space page>``.

A browser with an ENT session gets a service ticket at once (``ST-...`` in a
redirect to the space page, redeemed by the space page as with the generic
CAS); others go through the ENT's own login first.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from aiohttp import web

from simulator.pronote import cas
from simulator.pronote.ent.pages import document, html, redirect

if TYPE_CHECKING:
    from simulator.pronote.simulator import PronoteSimulator


def service_of(request: web.Request) -> tuple[str, str | None]:
    """The ``service`` parameter and the space page it names (None when it names none)."""
    service = request.query.get("service", "")
    return service, cas.service_page(service) if service else None


def grant_ticket(sim: PronoteSimulator, service: str, page: str, username: str) -> web.Response:
    ticket = sim.cas.issue(username, page, sim.clock())
    return redirect(cas.with_ticket(service, ticket))


def unknown_service(service: str) -> web.Response:
    text = f"Le service « {service} » n'est pas autorisé à utiliser ce CAS."
    return html(document("CAS - Service non autorisé", f"<p>{escape(text)}</p>"), 403)
