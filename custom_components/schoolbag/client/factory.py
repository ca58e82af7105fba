"""Build the right client for a platform: one builder per platform, in one table.

The platform clients can also be built directly, each with its own typed settings
(``LectioClient(session, credentials, school_id=...)``); ``create_client`` serves
callers that only know the platform.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final

import aiohttp

from .ecoledirecte import DEFAULT_BASE_URL as DEFAULT_ECOLEDIRECTE_URL, EcoleDirecteClient
from .errors import NotSupportedError
from .lectio import DEFAULT_BASE_URL as DEFAULT_LECTIO_URL, LectioClient
from .models import SchoolPlatform
from .pronote import PronoteClient
from .pronote.const import DEFAULT_DEVICE_NAME
from .protocol import Credentials, SchoolClient
from .scodoc import ScoDocClient


@dataclass(frozen=True, slots=True)
class ClientOptions:
    """Settings some platforms need beyond the credentials."""

    server_url: str | None = None
    # Pronote: "password", "qr", "token" or "cas".
    login_mode: str | None = None
    device_name: str | None = None
    qr_code: str | None = None
    # Lectio: the school's number.
    school_id: str | None = None
    # ScoDoc: department acronym, NIPs of the followed students, semester (None = current).
    department: str | None = None
    student_ids: tuple[str, ...] = ()
    semester_id: str | None = None
    # ScoDoc servers often have self-signed certificates.
    verify_ssl: bool = True
    # Called with the new trust whenever the client changes it (rotating tokens).
    on_trust_change: Callable[[dict[str, str]], None] | None = None


type ClientBuilder = Callable[[aiohttp.ClientSession, Credentials, ClientOptions], SchoolClient]


def _ecoledirecte(
    session: aiohttp.ClientSession, credentials: Credentials, options: ClientOptions
) -> SchoolClient:
    base_url = options.server_url or DEFAULT_ECOLEDIRECTE_URL
    return EcoleDirecteClient(session, credentials, base_url=base_url)


def _pronote(
    session: aiohttp.ClientSession, credentials: Credentials, options: ClientOptions
) -> SchoolClient:
    return PronoteClient(
        session,
        credentials,
        url=options.server_url or "",
        login_mode=options.login_mode or "password",
        device_name=options.device_name or DEFAULT_DEVICE_NAME,
        qr_code=options.qr_code,
        on_trust_change=options.on_trust_change,
    )


def _lectio(
    session: aiohttp.ClientSession, credentials: Credentials, options: ClientOptions
) -> SchoolClient:
    return LectioClient(
        session,
        credentials,
        school_id=options.school_id or "",
        base_url=options.server_url or DEFAULT_LECTIO_URL,
        login_mode=options.login_mode or "password",
        on_trust_change=options.on_trust_change,
    )


def _scodoc(
    session: aiohttp.ClientSession, credentials: Credentials, options: ClientOptions
) -> SchoolClient:
    return ScoDocClient(
        session,
        credentials,
        base_url=options.server_url or "",
        department=options.department,
        student_ids=options.student_ids,
        semester_id=options.semester_id,
        verify_ssl=options.verify_ssl,
    )


# Platforms with a working client, in the order offered to users.
CLIENT_BUILDERS: Final[Mapping[SchoolPlatform, ClientBuilder]] = {
    SchoolPlatform.PRONOTE: _pronote,
    SchoolPlatform.ECOLEDIRECTE: _ecoledirecte,
    SchoolPlatform.LECTIO: _lectio,
    SchoolPlatform.SCODOC: _scodoc,
}
IMPLEMENTED_PLATFORMS: Final[tuple[SchoolPlatform, ...]] = tuple(CLIENT_BUILDERS)


def create_client(
    platform: SchoolPlatform,
    session: aiohttp.ClientSession,
    credentials: Credentials,
    options: ClientOptions | None = None,
) -> SchoolClient:
    """Return a client for ``platform`` using the injected HTTP session.

    Raises ValueError or NotSupportedError when the options cannot work (an URL
    that is not a school page, an unsupported ENT).
    """
    if (build := CLIENT_BUILDERS.get(platform)) is None:
        raise NotSupportedError(f"{platform} is not supported yet")
    return build(session, credentials, options or ClientOptions())
