"""Everything the simulated ENTs remember, and their switches (``sim.ent``; reset with the sim).

Switches: ``hub_trusts_service`` (True; off: the hub refuses every Pronote
address), ``local_accounts`` (False; the CAS + EduConnect family's own form
accepts the demo accounts), ``educonnect_accounts`` (True; EduConnect knows the
demo accounts), ``keycloak_otp`` (False; Keycloak asks a one-time code).
"""

from __future__ import annotations

from simulator.pronote.ent import cas_educonnect, saml_ents, wayf
from simulator.pronote.ent.antibot import AntiBot
from simulator.pronote.ent.educonnect import EduConnectIdp
from simulator.pronote.ent.keycloak import KeycloakServer
from simulator.pronote.ent.open_ent_ng import sessions as open_ent_ng_sessions


class EntServers:
    """The EduConnect identity provider and each simulated ENT."""

    def __init__(self) -> None:
        self.hub_trusts_service = True
        self.local_accounts = False
        self.idp = EduConnectIdp()
        self.saml_ent = saml_ents.saml_ent()
        self.hub = saml_ents.hub()
        self.cas_educonnect = cas_educonnect.service_provider()
        self.wayf = wayf.service_provider()
        for provider in (self.saml_ent, self.hub, self.cas_educonnect, self.wayf):
            self.idp.trust(provider.entity_path, provider.acs_path)
        self.open_ent_ng = open_ent_ng_sessions()
        self.keycloak = KeycloakServer()
        self.antibot = AntiBot()

    @property
    def educonnect_accounts(self) -> bool:
        return self.idp.knows_demo_accounts

    @educonnect_accounts.setter
    def educonnect_accounts(self, value: bool) -> None:
        self.idp.knows_demo_accounts = value

    @property
    def keycloak_otp(self) -> bool:
        return self.keycloak.otp_required

    @keycloak_otp.setter
    def keycloak_otp(self, value: bool) -> None:
        self.keycloak.otp_required = value
