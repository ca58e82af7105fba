"""What a config entry stores (typed per platform) and the client built from it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any, ClassVar, Self

from aiohttp import ClientSession, CookieJar
from homeassistant.const import CONF_VERIFY_SSL
from homeassistant.core import HomeAssistant
from homeassistant.helpers.aiohttp_client import async_create_clientsession

from .client import Credentials, SchoolClient
from .client.factory import ClientOptions, create_client
from .client.models import SchoolPlatform
from .const import (
    CONF_PLATFORM,
    CONF_SEMESTER,
    DEFAULT_DEVICE_NAME,
    LOGIN_COOKIE,
    LOGIN_PASSWORD,
    LOGIN_QR,
    LOGIN_TOKEN,
    SEMESTER_CURRENT,
)

# Field metadata: a value the login needs once and the entry never keeps (a PIN).
TRANSIENT = "transient"


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

    def credentials(self) -> Credentials:
        """What the client logs in with."""
        return Credentials(username=self.username, password=self.password, trust=self.trust)

    def client_options(self) -> ClientOptions:
        """The platform's settings beyond the credentials."""
        return ClientOptions(server_url=self.server_url)


@dataclass(kw_only=True, frozen=True)
class EcoleDirecteData(EntryData):
    """An EcoleDirecte login: username, password, maybe another server."""

    platform: ClassVar[SchoolPlatform] = SchoolPlatform.ECOLEDIRECTE


@dataclass(kw_only=True, frozen=True)
class PronoteData(EntryData):
    """A Pronote login; a QR-code login is kept as the token in ``trust``, not its PIN."""

    platform: ClassVar[SchoolPlatform] = SchoolPlatform.PRONOTE
    login_mode: str = LOGIN_PASSWORD
    device_name: str = DEFAULT_DEVICE_NAME
    qr_code: str = field(default="", metadata={TRANSIENT: True})
    pin: str = field(default="", metadata={TRANSIENT: True})

    def stored(self) -> Self:
        """A QR-code login is kept as the token it earned."""
        if self.login_mode != LOGIN_QR:
            return self
        return replace(self, login_mode=LOGIN_TOKEN, username="", password="", qr_code="", pin="")

    def credentials(self) -> Credentials:
        """A QR-code login sends its PIN where others send the password."""
        secret = self.pin if self.login_mode == LOGIN_QR else self.password
        return Credentials(username=self.username, password=secret, trust=self.trust)

    def client_options(self) -> ClientOptions:
        """The Pronote page, how to log in and the name Pronote lists the device under."""
        return ClientOptions(
            server_url=self.server_url,
            login_mode=self.login_mode,
            device_name=self.device_name,
            qr_code=self.qr_code or None,
        )


@dataclass(kw_only=True, frozen=True)
class LectioData(EntryData):
    """A Lectio login: the school, and a password or MitID's autologin cookie."""

    platform: ClassVar[SchoolPlatform] = SchoolPlatform.LECTIO
    school_id: str = ""
    login_mode: str = LOGIN_PASSWORD
    cookie: str = ""

    def replaces_trust(self) -> bool:
        """A newly pasted cookie replaces the key kept from earlier logins."""
        return self.login_mode == LOGIN_COOKIE

    def credentials(self) -> Credentials:
        """A MitID login sends its cookie where others send the password."""
        secret = self.cookie if self.login_mode == LOGIN_COOKIE else self.password
        return Credentials(username=self.username, password=secret, trust=self.trust)

    def client_options(self) -> ClientOptions:
        """The school, its server and how to log in."""
        return ClientOptions(
            server_url=self.server_url, school_id=self.school_id, login_mode=self.login_mode
        )


@dataclass(kw_only=True, frozen=True)
class ScoDocData(EntryData):
    """A ScoDoc staff API account, its department and the NIPs of the followed students."""

    platform: ClassVar[SchoolPlatform] = SchoolPlatform.SCODOC
    department: str | None = None
    student_ids: list[str] = field(default_factory=list)
    # ScoDoc servers often have self-signed certificates.
    verify_ssl: bool = True

    def client_options(self) -> ClientOptions:
        """The server, its certificate check, the department and the students."""
        return ClientOptions(
            server_url=self.server_url,
            department=self.department,
            student_ids=tuple(self.student_ids),
            verify_ssl=self.verify_ssl,
        )


def school_session(
    hass: HomeAssistant, data: Mapping[str, Any], *, auto_cleanup: bool = True
) -> ClientSession:
    """An HTTP session of its own: school sessions live in cookies, one jar per account.

    With ``auto_cleanup`` False (config flows), the caller must ``detach()`` it when done.
    """
    return async_create_clientsession(
        hass,
        verify_ssl=data.get(CONF_VERIFY_SSL, True),
        auto_cleanup=auto_cleanup,
        cookie_jar=CookieJar(unsafe=True),
    )


def build_client(
    session: ClientSession,
    login: EntryData,
    options: Mapping[str, Any] | None = None,
    on_trust_change: Callable[[dict[str, str]], None] | None = None,
) -> SchoolClient:
    """The client for an entry's ``login`` (its data) and ``options`` (semester)."""
    semester = (options or {}).get(CONF_SEMESTER)
    return create_client(
        login.platform,
        session,
        login.credentials(),
        replace(
            login.client_options(),
            semester_id=None if semester in (None, SEMESTER_CURRENT) else semester,
            on_trust_change=on_trust_change,
        ),
    )
