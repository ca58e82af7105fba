"""A Lectio login: the school, and a password or MitID's autologin cookie."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from aiohttp import ClientSession

from ..client import lectio
from ..client.models import SchoolPlatform
from ..const import CONF_COOKIE, LOGIN_COOKIE
from .base import ClientContext, MultiModeLogin


@dataclass(kw_only=True, frozen=True)
class LectioData(MultiModeLogin):
    """A Lectio login: the school, and a password or MitID's autologin cookie."""

    platform: ClassVar[SchoolPlatform] = SchoolPlatform.LECTIO
    secret_fields = {LOGIN_COOKIE: CONF_COOKIE}
    school_id: str = ""
    cookie: str = ""

    def replaces_trust(self) -> bool:
        """A newly pasted cookie replaces the key kept from earlier logins."""
        return self.login_mode == LOGIN_COOKIE

    def client(self, session: ClientSession, context: ClientContext) -> lectio.LectioClient:
        """The school's client, on its server, logging in the chosen way."""
        return lectio.LectioClient(
            session,
            self.credentials(),
            school_id=self.school_id,
            base_url=self.server_url or lectio.DEFAULT_BASE_URL,
            login_mode=self.login_mode,
            on_trust_change=context.on_trust_change,
        )
