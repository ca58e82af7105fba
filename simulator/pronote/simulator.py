"""The :class:`PronoteSimulator`: state holder, settings and Python test API."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
import secrets
import time
from typing import Any

from aiohttp import web

from simulator.pronote import auth, bootstrap, envelope
from simulator.pronote.cas import CasServer
from simulator.pronote.ent.state import EntServers
from simulator.pronote.errors import TOO_MANY_ATTEMPTS, PronoteError, too_many_attempts_title
from simulator.pronote.faults import Faults
from simulator.pronote.fixtures import build_world
from simulator.pronote.fixtures.calendar import paris_now
from simulator.pronote.fixtures.logins import (
    DEMO_PASSWORD,
    DEMO_USERNAME,
    ENT_DEMO_USERNAME,
    QR_DEMO_USERNAME,
)
from simulator.pronote.fixtures.models import (
    PARENT_SPACE,
    STUDENT_SPACE,
    Account,
    MobileToken,
    Security,
    Student,
    World,
)
from simulator.pronote.qrcode import QrStore
from simulator.pronote.routes import handle_pronote
from simulator.pronote.session import LoginMode, Session, SessionStore
from simulator.pronote.spaces import ROOT, space_for

DEMO_ACCOUNTS: tuple[dict[str, Any], ...] = (
    {
        "space": STUDENT_SPACE,
        "url": f"{ROOT}/eleve.html",
        "username": DEMO_USERNAME,
        "password": DEMO_PASSWORD,
        "who": "MARTIN Léa (4A)",
    },
    {
        "space": PARENT_SPACE,
        "url": f"{ROOT}/parent.html",
        "username": DEMO_USERNAME,
        "password": DEMO_PASSWORD,
        "who": "M. MARTIN Julien: MARTIN Léa (4A), MARTIN Hugo (6B)",
    },
)

# The logins of the other demo login modes (each with its own pupil, so that Home Assistant
# can add them next to the password demo).
DEMO_LOGIN_MODES: tuple[dict[str, Any], ...] = (
    {
        "mode": "qr_code",
        "username": QR_DEMO_USERNAME,
        "qr_code": "POST /_sim/pronote/qr?format=text",
        "who": "BONNET Chloé (5C); parent space: Mme BONNET Claire",
    },
    {
        "mode": "ent",
        "username": ENT_DEMO_USERNAME,
        "password": DEMO_PASSWORD,
        "ent_family": "POST /_sim/pronote/mode?ent_family=educonnect (or another family)",
        "who": "ROBIN Nathan (6A); parent space: M. ROBIN Karim",
    },
)

DEFAULT_SESSION_TTL = 15 * 60.0
DEFAULT_QR_TTL = 10 * 60.0
DEFAULT_MAX_FAILED_LOGINS = 5
DEFAULT_LOCKOUT = 5 * 60.0
DEFAULT_IP_SUSPENSION = 60 * 60.0
DEFAULT_ORIGIN = "http://127.0.0.1:8800"


class PronoteSimulator:
    """A simulated PRONOTE instance (root ``/pronote``) with demo data and a test API.

    Logins (Pronote protocol §10): ``demonstration`` / ``pronotevs`` in the student space
    (``/pronote/eleve.html``, ``mobile.eleve.html``: Léa MARTIN, 4A) and in the parent space
    (``/pronote/parent.html``, ``mobile.parent.html``: Julien MARTIN with Léa and Hugo, 6B).
    The QR code and ENT demos have logins of their own (same password): ``demo.qr`` (Chloé
    BONNET, 5C; the default of the ``/_sim/pronote/qr`` control) and ``demo.ent`` (Nathan
    ROBIN, 6A), each with a parent with that one child. 2FA PIN ``1357`` (off until
    :meth:`set_2fa_required`).

    Settings (plain attributes, restored by :meth:`reset`):

    * ``envelope_scheme``: ``"2025"`` (``no``/``id``/``dataSec``, ``CrA``/``CoA``; default) or
      ``"legacy"`` (``numeroOrdre``/``nom``/``donneesSec``, ``sCrA``/``sCoA`` skip flags).
    * ``challenge_variant``: ``"no_alea"`` (2026.2.5+ direct challenge, no ``alea``;
      default, the only one pronotepy 2.15.7 solves) or ``"alea"`` (legacy alea-wrapped).
    * ``strict_challenge`` (False): accept only the answer of the configured variant.
    * ``page_layout``: ``"script"`` (2026 inline script; default) or ``"onload"``.
    * ``encrypt`` / ``compress`` (True): the ``dataSec`` pipelines.
    * ``session_ttl`` (900 s idle), ``qr_ttl`` (600 s), ``max_failed_logins`` (5) and
      ``lockout_seconds`` (300): Erreur 25 on ``Identification`` during the lockout; the
      second lockout also suspends the "IP" for ``ip_suspension_seconds`` (3600).
    * ``hide_averages`` (False): no ``moyEleve``/``moyGenerale``.
    * ``cas_enabled`` (False): space pages without ``login=true`` go through the CAS.
    * ``ent_family`` (""): the ENT in front of the space pages instead (``"cas"``,
      ``"educonnect"``, ``"hub_educonnect"``, ``"open_ent_ng"``, ``"cas_educonnect"``,
      ``"wayf"``, ``"keycloak"``, ``"antibot"``; see ``simulator/pronote/ent``); its
      switches and state are in ``ent``.
    * ``version_override`` (""): the ``PRONOTE x.y.z.b`` version; derived from the settings
      when empty (see :attr:`version`).

    Data is dated relative to today in Europe/Paris, computed at construction and by
    :meth:`reset`; pass ``today`` to pin it. ``holidays`` (kept by :meth:`reset`) are days
    off: ``PageEmploiDuTemps`` has no lesson on them (an empty ``ListeCours`` for a week
    off) and ``listeJoursFeries`` lists them; homework and the rest are unchanged.
    """

    def __init__(self, *, today: date | None = None, holidays: Iterable[date] = ()) -> None:
        self._pinned_today = today
        self.holidays = frozenset(holidays)
        self.faults = Faults()
        self.requests: list[tuple[str, str]] = []
        self.base_url = ""  # public origin for generated URLs (kept by reset)
        self.reset()

    # -- lifecycle -----------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget sessions, tokens, QR codes, devices and faults; rebuild today's data."""
        self.envelope_scheme = envelope.CURRENT
        self.challenge_variant = auth.NO_ALEA
        self.strict_challenge = False
        self.page_layout = bootstrap.SCRIPT
        self.encrypt = True
        self.compress = True
        self.session_ttl = DEFAULT_SESSION_TTL
        self.qr_ttl = DEFAULT_QR_TTL
        self.max_failed_logins = DEFAULT_MAX_FAILED_LOGINS
        self.lockout_seconds = DEFAULT_LOCKOUT
        self.ip_suspension_seconds = DEFAULT_IP_SUSPENSION
        self.hide_averages = False
        self.cas_enabled = False
        self.ent_family = ""
        self.version_override = ""
        self.faults.reset()
        self.requests.clear()
        now = self.now()
        self.world: World = build_world(now.date(), now, self.holidays)
        self.sessions = SessionStore(self.clock)
        self.qr_codes = QrStore()
        self.cas = CasServer()
        self.ent = EntServers()
        self.login_failures = 0
        self.locked_until = 0.0
        self.lockouts = 0
        self.suspended_until = 0.0
        self._origin = ""

    @staticmethod
    def clock() -> float:
        return time.monotonic()

    def now(self) -> datetime:
        """Naive Europe/Paris wall-clock time (on the pinned day, if any)."""
        now = paris_now()
        if self._pinned_today is not None:
            return datetime.combine(self._pinned_today, now.time())
        return now

    @property
    def today(self) -> date:
        """The date the demo data is relative to."""
        return self.world.today

    @property
    def version(self) -> str:
        """``2026.2.5.7`` by default; older numbers for the legacy settings."""
        if self.version_override:
            return self.version_override
        if self.envelope_scheme == envelope.LEGACY:
            return "2025.1.2.3"
        if self.challenge_variant == auth.ALEA:
            return "2026.2.4.3" if self.page_layout == bootstrap.SCRIPT else "2025.2.9.4"
        return "2026.2.5.7"

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """Serve one ``/pronote/...`` request (aiohttp handler)."""
        return await handle_pronote(self, request)

    def note_origin(self, origin: str) -> None:
        self._origin = origin

    @property
    def origin(self) -> str:
        """Base URL for generated links: ``base_url``, else the last request's, else :8800."""
        return (self.base_url or self._origin or DEFAULT_ORIGIN).rstrip("/")

    # -- server-side helpers used by the handlers ------------------------------------------------

    def security(self, username: str) -> Security:
        """Security settings of a login (``KeyError`` when unknown)."""
        return self.world.security[username.lower()]

    def security_actions(self, account: Account, session: Session) -> list[int]:
        """``actionsDoubleAuth`` owed after a successful Authentification.

        See Pronote protocol §4.1.
        """
        security = self.security(account.username)
        actions: list[int] = []
        if security.password_change_required and session.mode is LoginMode.PASSWORD:
            actions.append(0)
        if session.mode in (LoginMode.QR_CODE, LoginMode.ENT) or security.twofa_mode == "off":
            return actions
        known = any(
            (session.device_uuid and device.uuid == session.device_uuid)
            or (session.navigator and device.navigator == session.navigator)
            for device in security.devices
        )
        if not known:
            actions.append(3 if security.twofa_mode == "pin" else 5)
        return actions

    def issue_token(self, account: Account, uuid: str) -> str:
        """A new ``jetonConnexionAppliMobile`` for ``account``; the previous one dies."""
        token = secrets.token_hex(64).upper()
        account.token = MobileToken(token, uuid)
        return token

    def check_lockout(self) -> None:
        remaining = self.locked_until - self.clock()
        if remaining > 0:
            seconds = int(remaining) + 1
            raise PronoteError(
                TOO_MANY_ATTEMPTS, too_many_attempts_title(seconds), retry_after=seconds
            )

    def record_login_failure(self) -> None:
        """Count a failed login: lockout (Erreur 25), and at the second lockout the IP page."""
        self.login_failures += 1
        if self.login_failures >= self.max_failed_logins:
            self.locked_until = self.clock() + self.lockout_seconds
            self.login_failures = 0
            self.lockouts += 1
            if self.lockouts >= 2:
                self.suspended_until = self.clock() + self.ip_suspension_seconds

    @property
    def ip_suspended(self) -> bool:
        """Whether every page and call currently answers the IP-suspended page."""
        return self.faults.ip_suspended or self.clock() < self.suspended_until

    def record_login_success(self) -> None:
        self.login_failures = 0

    # -- test API --------------------------------------------------------------------------------

    def _accounts(self, username: str) -> list[Account]:
        accounts = self.world.accounts_of(username)
        if not accounts:
            raise KeyError(username)
        return accounts

    def expire_sessions(self) -> None:
        """Every current session now answers ``Erreur`` 10 (the client must log in again)."""
        self.sessions.expire_all()

    def set_2fa_required(self, username: str, required: bool) -> None:
        """Require (or not) the PIN + device registration step for untrusted devices."""
        self._accounts(username)
        self.security(username).twofa_mode = "pin" if required else "off"

    def set_2fa_mode(self, username: str, mode: str) -> None:
        """``"off"``, ``"pin"`` (action 3) or ``"notification"`` (action 5: name only)."""
        if mode not in ("off", "pin", "notification"):
            raise ValueError(mode)
        self._accounts(username)
        self.security(username).twofa_mode = mode

    def set_password_change_required(self, username: str, required: bool) -> None:
        """Ask for a custom password (action 0) on the next password login."""
        self._accounts(username)
        self.security(username).password_change_required = required

    def pin(self, username: str) -> str:
        """The 2FA PIN of a login."""
        self._accounts(username)
        return self.security(username).pin

    def registered_devices(self, username: str) -> list[str]:
        """Names of the devices registered through ``SecurisationCompteDoubleAuth``."""
        self._accounts(username)
        return [device.name for device in self.security(username).devices]

    def forget_devices(self, username: str) -> None:
        self.security(username).devices.clear()

    def qr_login(
        self,
        space: str = STUDENT_SPACE,
        *,
        username: str = DEMO_USERNAME,
        base_url: str | None = None,
    ) -> tuple[dict[str, Any], str]:
        """A QR code as the web UI would show it: ``(QR JSON payload, 4-digit PIN)``.

        ``url`` is the mobile page under ``base_url`` (default: :attr:`origin`).
        """
        account = self.world.account(space, username)
        if account is None:
            raise KeyError(f"{username} in {space}")
        pin = f"{secrets.randbelow(10_000):04d}"
        grant = self.qr_codes.issue(space, account.username, pin, self.clock(), self.qr_ttl)
        root = (base_url or self.origin).rstrip("/")
        url = root + space_for(space, mobile=True).path
        payload: dict[str, Any] = {"avecPageConnexion": False, **grant.payload(url)}
        return payload, pin

    def mobile_token(self, username: str, space: str = STUDENT_SPACE) -> str | None:
        """The current ``jetonConnexionAppliMobile`` of an account, if any."""
        account = self.world.account(space, username)
        if account is None:
            raise KeyError(f"{username} in {space}")
        return account.token.value if account.token else None

    def revoke_tokens(self, username: str) -> None:
        """Invalidate the mobile tokens of a login (next token login: ``Acces`` 1)."""
        for account in self._accounts(username):
            account.token = None

    def student_ids(self, space: str) -> list[str]:
        """Resource ids (``N``) of the pupils visible in ``"eleve"`` or ``"parent"``."""
        kind = space.removeprefix("mobile.").removesuffix(".html")
        account = self.world.account(kind, DEMO_USERNAME)
        if account is None:
            raise KeyError(space)
        return list(account.student_ids)

    def student(self, student_id: str) -> Student:
        """The fixture record of a pupil (``KeyError`` when unknown)."""
        return self.world.students[student_id]

    def homework_done(self, student_id: str, homework_id: str) -> bool:
        """Current ``TAFFait`` of a homework item (``KeyError`` when unknown)."""
        for work in self.student(student_id).homework:
            if work.id == homework_id:
                return work.done
        raise KeyError(homework_id)
