"""The login a config entry stores; each platform adds its fields and builds its client."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Self

from aiohttp import ClientSession
from homeassistant.const import CONF_PASSWORD

from ..client import Credentials, SchoolClient
from ..client.models import SchoolPlatform
from ..const import CONF_PLATFORM, LOGIN_PASSWORD

# Field metadata: a value the login needs once and the entry never keeps (a PIN).
TRANSIENT = "transient"


@dataclass(frozen=True, kw_only=True)
class ClientContext:
    """What a client gets beyond its login: the entry's options, where rotating tokens go."""

    options: Mapping[str, Any] = field(default_factory=dict)
    on_trust_change: Callable[[dict[str, str]], None] | None = None


@dataclass(kw_only=True, frozen=True)
class EntryData:
    """An entry's login: each platform adds its fields; ``trust`` spares double-auth.

    The field names are the keys in ``entry.data``.
    """

    platform: ClassVar[SchoolPlatform]
    server_url: str | None = None
    username: str = ""
    password: str = ""
    trust: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """The login stored in ``data`` (keys of other platforms are ignored)."""
        names = {item.name for item in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in names})

    def to_dict(self) -> dict[str, Any]:
        """What the entry keeps: the fields set, but no transient one."""
        kept = {
            item.name: value
            for item in fields(self)
            if not item.metadata.get(TRANSIENT)
            and (value := getattr(self, item.name)) != ""
            and value is not None
        }
        return {CONF_PLATFORM: str(self.platform), **kept}

    def stored(self) -> Self:
        """The login as kept once it worked (a one-time login becomes a lasting one)."""
        return self

    def replaces_trust(self) -> bool:
        """Whether this login brings a new proof, so the entry's old trust must go."""
        return False

    def secret(self) -> str:
        """What the client sends as the password (a PIN or a cookie in some login modes)."""
        return self.password

    def credentials(self) -> Credentials:
        """What the client logs in with."""
        return Credentials(username=self.username, password=self.secret(), trust=self.trust)

    def client(self, session: ClientSession, context: ClientContext) -> SchoolClient:
        """The platform's client for this login.

        Raises ValueError or NotSupportedError when the login cannot work (an URL that is
        not a school page, an unsupported ENT).
        """
        raise NotImplementedError


@dataclass(kw_only=True, frozen=True)
class MultiModeLogin(EntryData):
    """A login of several modes, some sending another field where others send the password."""

    login_mode: str = LOGIN_PASSWORD
    # The field sent as the password, for each mode that does not send the password.
    secret_fields: ClassVar[Mapping[str, str]] = {}

    def secret(self) -> str:
        """The password, or the field the login mode sends instead (a cookie, a PIN)."""
        return str(getattr(self, self.secret_fields.get(self.login_mode, CONF_PASSWORD)))
