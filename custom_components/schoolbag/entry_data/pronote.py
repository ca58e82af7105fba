"""A Pronote login: a password, the ENT's, or the QR code of the mobile app (kept as a token)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import ClassVar, Self

from aiohttp import ClientSession

from ..client import pronote
from ..client.models import SchoolPlatform
from ..const import CONF_PIN, DEFAULT_DEVICE_NAME, LOGIN_QR, LOGIN_TOKEN
from .base import TRANSIENT, ClientContext, MultiModeLogin


@dataclass(kw_only=True, frozen=True)
class PronoteData(MultiModeLogin):
    """A Pronote login; a QR-code login is kept as the token in ``trust``, not its PIN."""

    platform: ClassVar[SchoolPlatform] = SchoolPlatform.PRONOTE
    secret_fields = {LOGIN_QR: CONF_PIN}
    device_name: str = DEFAULT_DEVICE_NAME
    qr_code: str = field(default="", metadata={TRANSIENT: True})
    pin: str = field(default="", metadata={TRANSIENT: True})

    def stored(self) -> Self:
        """A QR-code login is kept as the token it earned."""
        if self.login_mode != LOGIN_QR:
            return self
        return replace(self, login_mode=LOGIN_TOKEN, username="", password="", qr_code="", pin="")

    def client(self, session: ClientSession, context: ClientContext) -> pronote.PronoteClient:
        """The client of the Pronote page, under the name Pronote lists the device with."""
        return pronote.PronoteClient(
            session,
            self.credentials(),
            url=self.server_url or "",
            login_mode=self.login_mode,
            device_name=self.device_name,
            qr_code=self.qr_code or None,
            on_trust_change=context.on_trust_change,
        )
