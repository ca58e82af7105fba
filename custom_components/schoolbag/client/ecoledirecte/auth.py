"""Login: GTK handshake, password login and the QCM double authentication."""

from __future__ import annotations

from collections.abc import Mapping
import logging
import re
from typing import Any
from urllib.parse import unquote

from ..errors import (
    ChallengeFailed,
    DoubleAuthRequired,
    InvalidCredentials,
    ProtocolChanged,
    SessionExpired,
)
from ..models import Challenge, ChallengeKind, ChallengeOption
from ..protocol import Credentials
from .const import (
    CODE_BAD_CREDENTIALS,
    CODE_BAD_VERSION,
    CODE_DOUBLE_AUTH,
    CODE_OK,
    CODE_SCHOOL_UNAVAILABLE,
    FORMAT_CODES,
    SESSION_CODES,
)
from .transport import Envelope, Transport, encode_uri_component, raise_for_code
from .values import b64_text, require_dict, text

_LOGGER = logging.getLogger(__name__)

_LOGIN_PATH = "login.awp"
_DOUBLE_AUTH_PATH = "connexion/doubleauth.awp"
_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
# Codes on the answer post that are not about the answer itself.
_NOT_ANSWER_CODES = SESSION_CODES | FORMAT_CODES | {CODE_BAD_VERSION, CODE_SCHOOL_UNAVAILABLE}


def _label(value: object) -> str:
    """Decode a base64 QCM text; some servers also percent-encode it."""
    decoded = b64_text(value)
    if _PERCENT_ESCAPE.search(decoded):
        decoded = unquote(decoded)
    return decoded.strip()


def _trust_from(values: Mapping[str, str]) -> dict[str, str] | None:
    cn = values.get("cn", "")
    cv = values.get("cv", "")
    return {"cn": cn, "cv": cv} if cn and cv else None


class Authenticator:
    """Log one user in, handling the GTK cookie and the QCM.

    The caller serialises calls. ``trust`` (the QCM ``cn``/``cv`` proof) is
    sent up-front on every login so a known device skips the question.
    """

    def __init__(self, transport: Transport, credentials: Credentials) -> None:
        self._transport = transport
        self._username = credentials.username
        self._password = credentials.password
        self._trust = _trust_from(credentials.trust)
        self._pending: Challenge | None = None
        # Set after a 505: never try the same password again automatically.
        self._rejected = False

    @property
    def trust(self) -> dict[str, str]:
        """The device proof to persist, empty before any double authentication."""
        return dict(self._trust) if self._trust else {}

    @property
    def challenge_pending(self) -> bool:
        """Whether a QCM question waits for an answer."""
        return self._pending is not None

    async def login(self) -> Any:
        """Log in from scratch and return the login ``data``.

        Raises DoubleAuthRequired with the question when the server asks one.
        """
        if self._rejected:
            raise InvalidCredentials("EcoleDirecte refused this password earlier; update it")
        self._pending = None
        self._transport.reset()
        envelope = await self._post_login()
        return await self._finish_login(envelope)

    async def answer(self, answer: str) -> Any:
        """Answer the pending question, log in with the proof and return the login ``data``."""
        challenge = self._pending
        if challenge is None:
            raise ChallengeFailed("no double-authentication question is pending; log in first")
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
            raise SessionExpired("the double-authentication question expired; log in again")
        if envelope.code in _NOT_ANSWER_CODES:
            raise_for_code(envelope)
        if envelope.code != CODE_OK or envelope.data is None:
            raise ChallengeFailed("EcoleDirecte refused the answer to the question")
        proof = require_dict(envelope.data, "double-authentication answer")
        trust = _trust_from({"cn": text(proof.get("cn")), "cv": text(proof.get("cv"))})
        if trust is None:
            raise ProtocolChanged("EcoleDirecte sent no device proof after the answer")
        self._trust = trust
        envelope = await self._post_login()
        return await self._finish_login(envelope)

    async def _post_login(self) -> Envelope:
        gtk = await self._transport.fetch_gtk()
        payload: dict[str, Any] = {
            "identifiant": encode_uri_component(self._username),
            "motdepasse": encode_uri_component(self._password),
            "isReLogin": False,
            "uuid": "",
            "sesouvenirdemoi": False,
        }
        if self._trust:
            payload["fa"] = [{"cn": self._trust["cn"], "cv": self._trust["cv"], "uniq": False}]
        return await self._transport.call(
            _LOGIN_PATH,
            verbe=None,
            payload=payload,
            extra_headers={"X-Gtk": gtk.value, "Cookie": gtk.cookie_header},
        )

    async def _finish_login(self, envelope: Envelope) -> Any:
        if envelope.code == CODE_DOUBLE_AUTH:
            if self._trust:
                _LOGGER.debug("EcoleDirecte no longer trusts this device")
                self._trust = None
            self._pending = await self._fetch_challenge()
            raise DoubleAuthRequired(self._pending)
        if envelope.code == CODE_BAD_CREDENTIALS:
            self._rejected = True
        raise_for_code(envelope)
        self._transport.two_fa_token = None
        return envelope.data

    async def _fetch_challenge(self) -> Challenge:
        # data={} is mandatory here: an empty body answers code 225.
        envelope = await self._transport.call(_DOUBLE_AUTH_PATH, verbe="get", payload={})
        raise_for_code(envelope)
        data = require_dict(envelope.data, "double-authentication question")
        question = _label(data.get("question"))
        raw_options = data.get("propositions")
        if not question or not isinstance(raw_options, list) or not raw_options:
            raise ProtocolChanged("EcoleDirecte double-authentication question is incomplete")
        options = tuple(
            ChallengeOption(value=value, label=_label(value))
            for value in raw_options
            if isinstance(value, str) and value
        )
        return Challenge(kind=ChallengeKind.CHOICE, question=question, options=options)
