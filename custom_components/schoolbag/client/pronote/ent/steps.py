"""What the ENT login does next on a page it recognised."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .html_forms import Form


class Family(StrEnum):
    """The login pages the engine knows how to fill (Pronote protocol §8.2)."""

    CAS = "CAS"
    EDUCONNECT = "EduConnect"
    OPEN_ENT_NG = "Open ENT NG"
    KEYCLOAK = "Keycloak"


@dataclass(frozen=True, slots=True)
class Arrived:
    """The Pronote space page: the login is over."""


@dataclass(frozen=True, slots=True)
class AutoPost:
    """A form a script posts on load (SAML request or response): post it as it is."""

    form: Form


@dataclass(frozen=True, slots=True)
class FillLogin:
    """A login form of a known family: fill in the username and password, then post."""

    family: Family
    form: Form


@dataclass(frozen=True, slots=True)
class FollowEduConnect:
    """A page offering an EduConnect button or link (CAS, Open ENT NG): follow it.

    ``local_login`` says the page also has its own login form, tried when
    EduConnect refuses the username and password (Pronote protocol §8.2, Open ENT NG).
    """

    url: str
    local_login: bool


@dataclass(frozen=True, slots=True)
class ChooseIdentityProvider:
    """A WAYF / discovery page: pick EduConnect in ``field`` and submit."""

    form: Form
    field: str
    value: str


@dataclass(frozen=True, slots=True)
class Unsupported:
    """A page no script can get through (anti-robot check, CAPTCHA, MFA, FranceConnect)."""

    name: str


@dataclass(frozen=True, slots=True)
class ServiceRefused:
    """The ENT refuses to log in to this Pronote address at all."""

    reason: str


@dataclass(frozen=True, slots=True)
class Unknown:
    """Nothing recognisable."""


Step = (
    Arrived
    | AutoPost
    | FillLogin
    | FollowEduConnect
    | ChooseIdentityProvider
    | Unsupported
    | ServiceRefused
    | Unknown
)


def step_name(step: Step) -> str:
    """A log-safe name for a step."""
    if isinstance(step, FillLogin):
        return f"{step.family} login form"
    return type(step).__name__
