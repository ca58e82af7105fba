"""Logins: password, QR code, mobile token and generic CAS, then double authentication.

Sequence (spec 3): space page -> FonctionParametres -> Identification ->
Authentification (-> SecurisationCompteDoubleAuth) -> ParametresUtilisateur.
A QR code login is followed at once by a token login when the account uses
double authentication, so the PIN is asked while the user is there (as
pronotepy does); later logins use the rotating token.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
import logging
from typing import Any
import uuid

from ..errors import (
    ChallengeFailedError,
    DoubleAuthRequiredError,
    InvalidCredentialsError,
    NotSupportedError,
    ProtocolChangedError,
    SessionExpiredError,
)
from ..protocol import Credentials
from .bootstrap import parse_bootstrap
from .challenge import solve_challenge
from .const import (
    ACCESS_BAD_CREDENTIALS,
    ACCESS_MESSAGE,
    DESKTOP_USER_AGENT,
    MOBILE_USER_AGENT,
    TAB_PERSONAL,
)
from .crypto import AesKey, CryptoError, challenge_key, ent_challenge_key, session_key_from_cle
from .double_auth import (
    needs_device_name,
    needs_pin,
    pin_challenge,
    register_device,
    required_actions,
    verify_pin,
)
from .ent import open_through_ent
from .envelope import CURRENT
from .errors import AccountActionRequiredError
from .http_client import Http, check_status
from .login_qr import QrCode, decrypt_qr_code, read_qr_code
from .parsers_account import SchoolYear, UserInfo, parse_school_year, parse_user
from .transport import Channel
from .trust import LOGIN, NAV, TOKEN, UUID, TrustStore
from .typed_values import as_dict, integer, text
from .url import PronoteUrl

_LOGGER = logging.getLogger(__name__)

_HTTP_NOT_FOUND = 404
# Pronote's meaning of the "Acces" refusal codes (EGenreErreurAcces).
_ACCESS_REASONS = {
    2: "no right to this space",
    3: "class connection only",
    4: "no pupil attached to this account",
    5: "connection refused",
    6: "pupil account blocked",
    10: "account disabled",
}


class LoginMode(StrEnum):
    """How the client logs in."""

    PASSWORD = "password"
    QR = "qr"
    TOKEN = "token"
    CAS = "cas"


@dataclass(frozen=True, slots=True)
class LoggedIn:
    """A usable server session and what it tells about the user."""

    channel: Channel
    year: SchoolYear
    user: UserInfo


@dataclass(frozen=True, slots=True)
class _Secret:
    """Who logs in and with which secret."""

    mode: LoginMode
    identifiant: str
    secret: str

    def __repr__(self) -> str:
        """Never show the secret."""
        return f"_Secret(mode={self.mode})"


@dataclass(slots=True)
class _Pending:
    """A login waiting for the PIN."""

    channel: Channel
    year: SchoolYear
    actions: frozenset[int]


class Authenticator:
    """Log one Pronote account in. The caller serialises calls."""

    def __init__(
        self,
        http: Http,
        url: PronoteUrl,
        credentials: Credentials,
        *,
        mode: LoginMode,
        device_name: str,
        trust: TrustStore,
        qr_code: str | Mapping[str, Any] | None,
        clock: Callable[[], float],
    ) -> None:
        self._http = http
        self._url = url
        self._username = credentials.username
        self._password = credentials.password
        self._mode = mode
        self._device_name = device_name
        self._trust = trust
        self._qr_code = qr_code
        self._clock = clock
        self._pending: _Pending | None = None
        self._pin: str | None = None
        # Set after a refusal: never send the same secret again automatically.
        self._rejected: str | None = None

    def __repr__(self) -> str:
        """No secrets."""
        return f"Authenticator(mode={self._mode}, space={self._url.space})"

    async def login(self) -> LoggedIn:
        """Log in from scratch; raise DoubleAuthRequiredError when the PIN is needed."""
        if self._rejected is not None:
            raise InvalidCredentialsError(self._rejected)
        self._pending = None
        if self._mode in (LoginMode.QR, LoginMode.TOKEN) and self._has_token():
            try:
                return await self._token_login()
            except AccountActionRequiredError:
                raise
            except InvalidCredentialsError:
                if self._mode is LoginMode.TOKEN or self._qr_content() is None:
                    raise
            # A new QR code given with a dead token (reauth): use the QR code.
            _LOGGER.debug("Pronote refused the stored token; trying the QR code")
            self._rejected = None
            self._trust.update(token=None)
        if self._mode is LoginMode.TOKEN:
            raise InvalidCredentialsError("no Pronote token is stored: log in with a QR code again")
        if self._mode is LoginMode.QR:
            return await self._qr_login()
        if self._mode is LoginMode.CAS:
            return await self._login(_Secret(LoginMode.CAS, "", ""), mobile=False, cas=True)
        secret = _Secret(LoginMode.PASSWORD, self._username, self._password)
        return await self._login(secret, mobile=False)

    async def answer(self, pin: str) -> LoggedIn:
        """Send the PIN for the pending login, register this device and finish logging in."""
        pending = self._pending
        if pending is None:
            raise ChallengeFailedError("no double-authentication question is pending; log in first")
        try:
            return await self._secure(pending.channel, pending.year, pending.actions, pin)
        except SessionExpiredError:
            _LOGGER.debug("The Pronote session ended while waiting for the PIN; logging in again")
        self._pin = pin
        try:
            return await self.login()
        finally:
            self._pin = None

    def _has_token(self) -> bool:
        return all(self._trust.get(key) for key in (TOKEN, LOGIN, UUID))

    def _device_uuid(self) -> str:
        device = self._trust.get(UUID)
        if not device:
            device = str(uuid.uuid4())
            self._trust.update(uuid=device)
        return device

    def _qr_content(self) -> str | Mapping[str, Any] | None:
        if self._qr_code is not None:
            return self._qr_code
        return self._username or None

    async def _qr_login(self) -> LoggedIn:
        try:
            code: QrCode = read_qr_code(self._qr_content() or "")
        except ValueError as err:
            raise InvalidCredentialsError(str(err)) from None
        decrypted = decrypt_qr_code(code, self._password)
        logged_in = await self._login(
            _Secret(LoginMode.QR, decrypted.login, decrypted.jeton), mobile=True
        )
        if not self._has_token():
            raise ProtocolChangedError("Pronote issued no mobile token after the QR code login")
        if TAB_PERSONAL in logged_in.user.tabs:
            reply = await logged_in.channel.call("PageInfosPerso", tab=TAB_PERSONAL)
            security = integer(as_dict(reply.data.get("securisation")).get("mode"))
            if security:
                _LOGGER.debug("Pronote account uses double authentication; logging in by token")
                return await self._token_login()
        return logged_in

    async def _token_login(self) -> LoggedIn:
        login, token = self._trust.get(LOGIN) or "", self._trust.get(TOKEN) or ""
        secret = _Secret(LoginMode.TOKEN, login, token)
        return await self._login(secret, mobile=True)

    async def _open(self, *, mobile: bool, cas: bool) -> tuple[Channel, SchoolYear]:
        """Load the space page and run FonctionParametres."""
        self._http.user_agent = MOBILE_USER_AGENT if mobile else DESKTOP_USER_AGENT
        host = self._url.base.split("/")[2]
        if mobile:
            self._http.cookies.site(host).set("appliMobile", "1")
        probe_current = False
        while True:
            if cas:
                page = await open_through_ent(
                    self._http, self._url.page(), self._username, self._password
                )
            else:
                page = await self._http.get(self._url.login_page(mobile=mobile))
            check_status(page.status, page.headers)
            if page.status == _HTTP_NOT_FOUND:
                raise ProtocolChangedError(
                    "there is no Pronote space page at this address (HTTP 404)"
                )
            bootstrap = parse_bootstrap(page.text)
            if probe_current:
                bootstrap = replace(bootstrap, scheme=CURRENT, encrypt=False, compress=False)
            channel = Channel(self._http, self._url.base, bootstrap, clock=self._clock)
            try:
                parameters = await channel.start(self._trust.get(NAV))
            except ProtocolChangedError:
                if not bootstrap.scheme_guessed or probe_current:
                    raise
                _LOGGER.debug("Pronote refused the legacy envelope; trying the current one")
                probe_current = True
                continue
            _LOGGER.debug("Pronote %s, envelope %s", channel.version, channel.scheme.name)
            self._trust.update(nav=text(parameters.get("identifiantNav")) or None)
            return channel, parse_school_year(parameters)

    def _identification(self, channel: Channel, secret: _Secret) -> dict[str, Any]:
        mobile = secret.mode in (LoginMode.QR, LoginMode.TOKEN)
        return {
            "genreConnexion": 0,
            "genreEspace": channel.bootstrap.space_number,
            "identifiant": secret.identifiant,
            "pourENT": secret.mode is LoginMode.CAS,
            "enConnexionAuto": False,
            "demandeConnexionAuto": False,
            "demandeConnexionAppliMobile": secret.mode is LoginMode.QR,
            "demandeConnexionAppliMobileJeton": secret.mode is LoginMode.QR,
            "enConnexionAppliMobile": secret.mode is LoginMode.TOKEN,
            "uuidAppliMobile": self._device_uuid() if mobile else "",
            "loginTokenSAV": "",
        }

    @staticmethod
    def _challenge_key(channel: Channel, secret: _Secret, identification: dict[str, Any]) -> AesKey:
        if secret.mode is LoginMode.CAS:
            return channel.key.with_key(ent_challenge_key(secret.secret))
        return channel.key.with_key(
            challenge_key(
                secret.identifiant,
                secret.secret,
                text(identification.get("alea")),
                lower_login=bool(identification.get("modeCompLog")),
                lower_secret=bool(identification.get("modeCompMdp")),
            )
        )

    async def _login(self, secret: _Secret, *, mobile: bool, cas: bool = False) -> LoggedIn:
        direct_only = False
        while True:
            channel, year = await self._open(mobile=mobile, cas=cas)
            if cas:
                boot = channel.bootstrap
                if not boot.ent_login or not boot.ent_secret:
                    raise NotSupportedError(
                        "this Pronote space does not log in through an ENT: use the password login"
                    )
                secret = _Secret(LoginMode.CAS, boot.ent_login, boot.ent_secret)
            reply = await channel.call("Identification", self._identification(channel, secret))
            challenge = text(reply.data.get("challenge"))
            if not challenge:
                raise ProtocolChangedError("Pronote sent no login challenge")
            key = self._challenge_key(channel, secret, reply.data)
            answer = solve_challenge(challenge, key, direct_only=direct_only)
            auth = await channel.call(
                "Authentification",
                {
                    "connexion": 0,
                    "challenge": answer.answer,
                    "espace": channel.bootstrap.space_number,
                },
            )
            if "cle" in auth.data:
                break
            access = integer(auth.data.get("Acces"))
            if answer.legacy and access == ACCESS_BAD_CREDENTIALS and not direct_only:
                # A direct challenge can decrypt by chance (spec 3.3): retry it as direct.
                _LOGGER.debug("Pronote refused the legacy challenge answer; trying the direct one")
                direct_only = True
                continue
            raise self._refusal(secret.mode, access, auth.data)
        try:
            session_key = session_key_from_cle(key.decrypt_hex(text(auth.data.get("cle"))))
        except CryptoError as err:
            raise ProtocolChangedError("the Pronote session key cannot be decrypted") from err
        channel.key = channel.key.with_key(session_key)
        token = text(auth.data.get("jetonConnexionAppliMobile"))
        if token and secret.mode in (LoginMode.QR, LoginMode.TOKEN):
            # Persist at once: the previous token is dead now.
            self._trust.update(token=token, login=secret.identifiant)
        actions = required_actions(auth.data)
        return await self._secure(channel, year, actions, self._pin)

    def _refusal(self, mode: LoginMode, access: int | None, data: dict[str, Any]) -> Exception:
        if access is None:
            return ProtocolChangedError("Pronote refused the login without a reason")
        if mode is LoginMode.QR:
            message = "the QR code expired or was already used: make a new one"
        elif access == ACCESS_BAD_CREDENTIALS:
            if mode is LoginMode.TOKEN:
                message = "Pronote refused the stored token: log in with a new QR code"
            elif mode is LoginMode.CAS:
                message = "Pronote refused the ENT login"
            else:
                message = "Pronote refused the username or password"
        elif access == ACCESS_MESSAGE:
            details = as_dict(data.get("AccesMessage"))
            reason = text(details.get("titre")) or text(details.get("message")) or "no reason"
            message = f"Pronote refused the login: {reason}"
        else:
            reason = _ACCESS_REASONS.get(access, "refused")
            message = f"Pronote refused the login (Acces {access}: {reason})"
        self._rejected = message
        return InvalidCredentialsError(message)

    async def _secure(
        self, channel: Channel, year: SchoolYear, actions: frozenset[int], pin: str | None
    ) -> LoggedIn:
        """Do the double-authentication steps, then read the user parameters."""
        if needs_pin(actions):
            # Stays pending after a wrong PIN, so the user can try again.
            self._pending = _Pending(channel, year, actions)
            if pin is None:
                raise DoubleAuthRequiredError(pin_challenge())
            sealed: str | None = await verify_pin(channel, pin)
        else:
            sealed = None
        if needs_device_name(actions):
            token = await register_device(channel, self._device_name, sealed)
            if token and self._mode in (LoginMode.QR, LoginMode.TOKEN):
                self._trust.update(token=token)
            _LOGGER.debug("Registered this device with Pronote")
        self._pending = None
        # Sent with an empty payload: no Signature, no data.
        reply = await channel.call("ParametresUtilisateur")
        return LoggedIn(channel=channel, year=year, user=parse_user(reply.data, self._url.space))
