"""The ENT families the simulator can put in front of the space pages (``sim.ent_family``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.pronote import cas
from simulator.pronote.ent import cas_educonnect, keycloak, open_ent_ng, saml_ents, wayf

if TYPE_CHECKING:
    from simulator.pronote.simulator import PronoteSimulator

CAS = "cas"
EDUCONNECT = "educonnect"
HUB_EDUCONNECT = "hub_educonnect"
OPEN_ENT_NG = "open_ent_ng"
CAS_EDUCONNECT = "cas_educonnect"
WAYF = "wayf"
KEYCLOAK = "keycloak"
ANTIBOT = "antibot"  # the anti-robot page, then the generic CAS

# Where each family's CAS receives ``?service=<space page>``.
ENTRY_PATHS = {
    CAS: f"{cas.CAS_PATH}/login",
    EDUCONNECT: f"{saml_ents.SAML_ENT_ROOT}/cas/login",
    HUB_EDUCONNECT: saml_ents.HUB_LOGIN,
    OPEN_ENT_NG: f"{open_ent_ng.ROOT}/cas/login",
    CAS_EDUCONNECT: cas_educonnect.LOGIN,
    WAYF: wayf.CAS_LOGIN,
    KEYCLOAK: f"{keycloak.ENT_ROOT}/cas/login",
    ANTIBOT: f"{cas.CAS_PATH}/login",
}
FAMILIES = ("", *ENTRY_PATHS)


def active_family(sim: PronoteSimulator) -> str:
    """``sim.ent_family``, else ``"cas"`` when the older ``cas_enabled`` switch is on."""
    return sim.ent_family or (CAS if sim.cas_enabled else "")
