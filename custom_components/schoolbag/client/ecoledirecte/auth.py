"""Login: GTK handshake, password login, QCM double authentication and token renewal."""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import unquote

from ..errors import (
    ChallengeFailedError,
    DoubleAuthRequiredError,
    InvalidCredentialsError,
    ProtocolChangedError,
    RateLimitedError,
    SchoolError,
    ServerUnavailableError,
    SessionExpiredError,
)
from ..models import Challenge, ChallengeKind, ChallengeOption
from ..protocol import Credentials
from ..values import as_dict, as_dicts, text
from .const import (
    FORMAT_CODES,
    SESSION_CODES,
    EnvelopeCode,
)
from .device import Device
from .parsers_account import RenewalKey, parse_renewal_key
from .payloads import b64_text, require_dict
from .transport import Envelope, Transport, encode_uri_component, raise_for_code

_LOGGER = logging.getLogger(__name__)

_LOGIN_PATH = "login.awp"
_DOUBLE_AUTH_PATH = "connexion/doubleauth.awp"
_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
# Codes on the answer post that are not about the answer itself.
_NOT_ANSWER_CODES = (
    SESSION_CODES | FORMAT_CODES | {EnvelopeCode.BAD_VERSION, EnvelopeCode.SCHOOL_UNAVAILABLE}
)
# What the apps send instead of the password on a renewal (pydirecte's refresh too).
_RENEWAL_PASSWORD = "???"


def _label(value: object) -> str:
    """Decode a base64 QCM text; some servers also percent-encode it."""
    decoded = b64_text(value)
    if _PERCENT_ESCAPE.search(decoded):
        decoded = unquote(decoded)
    return decoded.strip()


class Authenticator:
    """Log one user in, handling the GTK cookie, the QCM and token renewal.

    The caller serialises calls. The device proof (QCM ``cn``/``cv``) is sent
    up-front on every login so a known device skips the question. A login
    asks for an ``accessToken`` that later renews the session without the
    password (spec 3.5, option B); it lives in memory only.
    """

    def __init__(self, transport: Transport, credentials: Credentials) -> None:
        self._transport = transport
        self._username = credentials.username
        self._password = credentials.password
        self._device = Device(credentials.trust)
        self._renewal: RenewalKey | None = None
        self._pending: Challenge | None = None
        # Set after a 505: never try the same password again automatically.
        self._rejected = False

    @property
    def trust(self) -> dict[str, str]:
        """The device uuid and proof to persist; empty before the first login."""
        return self._device.as_trust()

    @property
    def challenge_pending(self) -> bool:
        """Whether a QCM question waits for an answer."""
        return self._pending is not None

    async def login(self) -> Any:
        """Log in from scratch with the password and return the login ``data``.

        Raises DoubleAuthRequiredError with the question when the server asks one.
        """
        if self._rejected:
            raise InvalidCredentialsError("EcoleDirecte refused this password earlier; update it")
        self._pending = None
        self._transport.reset()
        return await self._password_login()

    async def resume(self) -> Any:
        """Renew the session without the password when possible, else log in again."""
        key = self._renewal
        if key is not None and not self._rejected:
            data = await self._renew(key)
            if data is not None:
                return data
            _LOGGER.debug("EcoleDirecte refused the token renewal, logging in with the password")
        return await self.login()

    async def answer(self, answer: str) -> Any:
        """Answer the pending question, log in with the proof and return the login ``data``."""
        challenge = self._pending
        if challenge is None:
            raise ChallengeFailedError("no double-authentication question is pending; log in first")
        self._pending = None
        choice = next(
            (
                option.value
                for option in challenge.options
                if answer in (option.value, option.label)
            ),
            answer,
        )
        envelope = await self._transport.call(
            _DOUBLE_AUTH_PATH, verbe="post", payload={"choix": choice}
        )
        if envelope.code in SESSION_CODES:
            raise SessionExpiredError("the double-authentication question expired; log in again")
        if envelope.code in _NOT_ANSWER_CODES:
            raise_for_code(envelope)
        if envelope.code != EnvelopeCode.OK or envelope.data is None:
            raise ChallengeFailedError("EcoleDirecte refused the answer to the question")
        proof = require_dict(envelope.data, "double-authentication answer")
        if not self._device.adopt_proof(text(proof.get("cn")), text(proof.get("cv"))):
            raise ProtocolChangedError("EcoleDirecte sent no device proof after the answer")
        return await self._password_login()

    async def _password_login(self) -> Any:
        uuid = self._device.login_uuid()
        envelope = await self._post_login(
            {
                "identifiant": encode_uri_component(self._username),
                "motdepasse": encode_uri_component(self._password),
                "isReLogin": False,
                "uuid": uuid,
                "sesouvenirdemoi": True,
            }
        )
        return await self._finish_login(envelope, uuid)

    async def _renew(self, key: RenewalKey) -> Any | None:
        """Log in again with the access token; None when the server refused it.

        Keeps the last (expired) token in ``X-Token``, as the apps do.
        """
        self._pending = None
        # A refused key is never sent twice; only network faults keep it.
        self._renewal = None
        try:
            envelope = await self._post_login(
                {
                    "identifiant": encode_uri_component(self._username),
                    "motdepasse": _RENEWAL_PASSWORD,
                    "isReLogin": True,
                    "uuid": key.uuid,
                    "typeCompte": key.account_type,
                    "accesstoken": key.access_token,
                }
            )
        except (ServerUnavailableError, RateLimitedError):
            self._renewal = key
            raise
        except SchoolError:
            return None
        if envelope.code == EnvelopeCode.SCHOOL_UNAVAILABLE:
            self._renewal = key
            raise_for_code(envelope)
        if envelope.code == EnvelopeCode.DOUBLE_AUTH or envelope.code in SESSION_CODES:
            # A question, or a session ended during the login itself: a
            # password login would not fare better, so raise as it would.
            return await self._finish_login(envelope, key.uuid)
        if envelope.code != EnvelopeCode.OK or not as_dicts(as_dict(envelope.data).get("accounts")):
            return None
        return await self._finish_login(envelope, key.uuid)

    async def _post_login(self, payload: dict[str, Any]) -> Envelope:
        gtk = await self._transport.fetch_gtk()
        fa = self._device.fa()
        if fa:
            payload["fa"] = fa
        return await self._transport.call(
            _LOGIN_PATH,
            verbe=None,
            payload=payload,
            extra_headers={"X-Gtk": gtk.value, "Cookie": gtk.cookie_header},
        )

    async def _finish_login(self, envelope: Envelope, uuid: str) -> Any:
        if envelope.code == EnvelopeCode.DOUBLE_AUTH:
            if self._device.proof:
                _LOGGER.debug("EcoleDirecte no longer trusts this device")
                self._device.proof = None
            self._pending = await self._fetch_challenge()
            raise DoubleAuthRequiredError(self._pending)
        if envelope.code == EnvelopeCode.BAD_CREDENTIALS:
            self._rejected = True
        raise_for_code(envelope)
        self._transport.two_fa_token = None
        self._renewal = parse_renewal_key(envelope.data, uuid)
        return envelope.data

    async def _fetch_challenge(self) -> Challenge:
        # data={} is mandatory here: an empty body answers code 225.
        envelope = await self._transport.call(_DOUBLE_AUTH_PATH, verbe="get", payload={})
        raise_for_code(envelope)
        data = require_dict(envelope.data, "double-authentication question")
        question = _label(data.get("question"))
        raw_options = data.get("propositions")
        if not question or not isinstance(raw_options, list) or not raw_options:
            raise ProtocolChangedError("EcoleDirecte double-authentication question is incomplete")
        options = tuple(
            ChallengeOption(value=value, label=_label(value))
            for value in raw_options
            if isinstance(value, str) and value
        )
        return Challenge(kind=ChallengeKind.CHOICE, question=question, options=options)
