"""A minimal wire-level Pronote client used by the simulator tests.

Request encoding, response decoding and the challenge solving are written here again
(not imported from the simulator) so that the tests check the simulator against an
independent reading of the Pronote protocol notes (``docs/protocols/pronote.md``); only the
AES/MD5 primitives are shared.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
import hashlib
import json
import re
import secrets
from typing import Any
import zlib

from aiohttp import ClientResponse, web
from aiohttp.test_utils import TestClient

from simulator.pronote import PronoteSimulator
from simulator.pronote.crypto import CipherState, CryptoError, md5

USERNAME = "demonstration"
PASSWORD = "pronotevs"
START = re.compile(r"Start ?\({(?P<param>[^}]*)}\)")
NAMES = {"2025": ("no", "id", "dataSec"), "legacy": ("numeroOrdre", "nom", "donneesSec")}


def parse_start(html: str) -> dict[str, str]:
    """pronotepy's way: regex, split on ``,`` then ``:``, strip quotes."""
    found = START.search(html)
    assert found is not None, html
    attributes: dict[str, str] = {}
    for pair in found.group("param").split(","):
        key, value = pair.split(":")
        attributes[key.strip().strip("'\"")] = value.strip().strip("'\"")
    return attributes


def parse_start_pawnote(html: str) -> dict[str, Any]:
    """Pawnote's way: strip blanks, cut between ``Start(`` and ``)}catch``, make it JSON."""
    compact = re.sub(r"\s", "", html)
    inner = compact.split("Start(", 1)[1].split(")}catch", 1)[0]
    as_json = re.sub(r"([{,])([A-Za-z]+):", r'\1"\2":', inner).replace("'", '"')
    result: dict[str, Any] = json.loads(as_json)
    return result


def challenge_key(login: str, secret: str, alea: str) -> bytes:
    digest = hashlib.sha256((alea + secret).encode()).hexdigest().upper()
    return md5((login.lower() + digest).encode())


@dataclass
class Reply:
    """A decoded ``appelfonction`` answer."""

    status: int
    body: dict[str, Any]
    payload: dict[str, Any] | None

    @property
    def error(self) -> int | None:
        erreur = self.body.get("Erreur")
        return int(erreur["G"]) if isinstance(erreur, dict) else None

    @property
    def data(self) -> dict[str, Any]:
        assert self.payload is not None, self.body
        data = self.payload.get("data")
        assert isinstance(data, dict), self.payload
        return data

    @property
    def signature(self) -> dict[str, Any]:
        assert self.payload is not None, self.body
        signature = self.payload.get("Signature", {})
        assert isinstance(signature, dict)
        return signature


@dataclass
class Wire:
    """One Pronote session spoken over an aiohttp test client."""

    client: TestClient[web.Request, web.Application]
    sim: PronoteSimulator
    scheme: str = "2025"
    attributes: dict[str, str] = field(default_factory=dict)
    cipher: CipherState = field(default_factory=CipherState)
    order: int = 1
    encrypt: bool = True
    compress: bool = True
    uuid: bytes = field(default_factory=lambda: secrets.token_bytes(16))
    navigator: str | None = None
    path: str = ""

    async def load(self, page: str = "eleve.html", **query: str) -> str:
        """GET a space page, parse its bootstrap and reset the session state."""
        response = await self.client.get(f"/pronote/{page}", params=query)
        text = await response.text()
        assert response.status == 200, text
        self.attributes = parse_start(text)
        self.cipher = CipherState()
        self.order = 1
        self.path = page
        if self.scheme == "legacy":
            self.encrypt = self.attributes.get("sCrA") != "true"
            self.compress = self.attributes.get("sCoA") != "true"
        else:
            self.encrypt = self.attributes.get("CrA") == "true"
            self.compress = self.attributes.get("CoA") == "true"
        return text

    @property
    def h(self) -> str:
        return self.attributes["h"]

    @property
    def a(self) -> int:
        return int(self.attributes["a"])

    def encode(self, payload: dict[str, Any]) -> Any:
        if not self.encrypt and not self.compress:
            return payload
        data = json.dumps(payload).encode()
        if self.compress:
            compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
            data = compressor.compress(data.hex().encode()) + compressor.flush()
        if self.encrypt:
            data = self.cipher.encrypt(data)
        return data.hex().upper()

    def decode(self, raw: Any) -> dict[str, Any]:
        if isinstance(raw, dict):
            return raw
        data = bytes.fromhex(raw)
        if self.encrypt:
            data = self.cipher.decrypt(data)
        if self.compress:
            data = zlib.decompress(data, wbits=-15)
        decoded: dict[str, Any] = json.loads(data.decode())
        return decoded

    async def raw(self, body: Any, no: str, *, a: int | None = None) -> ClientResponse:
        url = f"/pronote/appelfonction/{self.a if a is None else a}/{self.h}/{no}"
        return await self.client.post(url, json=body)

    async def post(
        self,
        function: str,
        data: dict[str, Any] | None = None,
        *,
        onglet: int | None = None,
        signature: dict[str, Any] | None = None,
        new_iv: bytes | None = None,
        new_key: bytes | None = None,
        order: int | None = None,
    ) -> Reply:
        """Send one call; ``new_iv``/``new_key`` switch the cipher before decoding."""
        payload: dict[str, Any] = {}
        if onglet is not None or signature:
            payload["Signature"] = {**({"onglet": onglet} if onglet else {}), **(signature or {})}
        if data is not None:
            payload["data"] = data
        no = self.cipher.encrypt_hex(str(self.order if order is None else order))
        order_field, function_field, payload_field = NAMES[self.scheme]
        body = {
            "session": int(self.h),
            order_field: no,
            function_field: function,
            payload_field: self.encode(payload),
        }
        response = await self.raw(body, no)
        self.order += 2
        if new_iv is not None:
            self.cipher = CipherState(self.cipher.key, new_iv)
        if new_key is not None:
            self.cipher = CipherState(new_key, self.cipher.iv)
        text = await response.text()
        if response.content_type != "application/json":
            return Reply(response.status, {"html": text}, None)
        answer = json.loads(text)
        if "Erreur" in answer:
            return Reply(response.status, answer, None)
        assert answer[order_field]
        assert answer[function_field] == function
        return Reply(response.status, answer, self.decode(answer[payload_field]))

    async def parametres(self) -> Reply:
        uuid = base64.b64encode(self.uuid).decode()
        reply = await self.post(
            "FonctionParametres",
            {"Uuid": uuid, "identifiantNav": self.navigator},
            new_iv=md5(self.uuid),
        )
        if reply.payload is not None:
            self.navigator = reply.data["identifiantNav"]
        return reply

    async def identify(
        self,
        login: str,
        *,
        qr: bool = False,
        token: bool = False,
        want_token: bool = False,
        device: str = "",
        ent: bool = False,
    ) -> Reply:
        return await self.post(
            "Identification",
            {
                "genreConnexion": 0,
                "genreEspace": self.a,
                "identifiant": login,
                "pourENT": ent,
                "enConnexionAuto": False,
                "demandeConnexionAuto": False,
                "demandeConnexionAppliMobile": qr or want_token,
                "demandeConnexionAppliMobileJeton": qr,
                "enConnexionAppliMobile": token,
                "uuidAppliMobile": device,
                "loginTokenSAV": "",
            },
        )

    def solve(self, ident: dict[str, Any], key: bytes, answer: str) -> str:
        """``answer``: ``"direct"``, ``"legacy"`` or ``"auto"`` (legacy, then direct)."""
        challenge = ident["challenge"]
        solver = CipherState(key, self.cipher.iv)
        if answer in ("legacy", "auto"):
            try:
                plain = solver.decrypt(bytes.fromhex(challenge)).decode()
                return solver.encrypt(plain[::2].encode()).hex()
            except (CryptoError, UnicodeDecodeError, ValueError):
                if answer == "legacy":
                    raise
        return solver.encrypt(challenge.encode()).hex()

    async def authenticate(self, key: bytes, ident: dict[str, Any], answer: str) -> Reply:
        reply = await self.post(
            "Authentification",
            {"connexion": 0, "challenge": self.solve(ident, key, answer), "espace": self.a},
        )
        if reply.payload is not None and "cle" in reply.data:
            work = CipherState(key, self.cipher.iv).decrypt(bytes.fromhex(reply.data["cle"]))
            material = bytes(int(part) for part in work.decode().split(","))
            self.cipher = CipherState(md5(material), self.cipher.iv)
        return reply

    async def login(
        self,
        username: str = USERNAME,
        password: str = PASSWORD,
        *,
        page: str = "eleve.html",
        answer: str = "auto",
        qr: bool = False,
        token: bool = False,
        want_token: bool = False,
        device: str = "",
        load: bool = True,
    ) -> Reply:
        """Page, FonctionParametres, Identification, Authentification; returns the last."""
        if load:
            await self.load(page, login="true")
        assert (await self.parametres()).payload is not None
        ident = await self.identify(
            username, qr=qr, token=token, want_token=want_token, device=device
        )
        assert ident.payload is not None, ident.body
        alea = ident.data.get("alea", "")
        key = challenge_key(username, password, alea)
        return await self.authenticate(key, ident.data, answer)

    async def call(
        self,
        function: str,
        onglet: int | None = None,
        data: dict[str, Any] | None = None,
        **kw: Any,
    ) -> dict[str, Any]:
        reply = await self.post(function, data, onglet=onglet, **kw)
        assert reply.payload is not None, reply.body
        return reply.data

    async def ready(self, page: str = "eleve.html") -> dict[str, Any]:
        """Log in with the demo password and fetch ParametresUtilisateur."""
        auth = await self.login(page=page)
        assert "cle" in auth.data, auth.data
        return await self.call("ParametresUtilisateur", data={})
