"""A minimal wire-level EcoleDirecte client used by the simulator tests."""

from __future__ import annotations

import base64
from dataclasses import dataclass
import json
from typing import Any
from urllib.parse import quote

from aiohttp import ClientResponse, web
from aiohttp.test_utils import TestClient
from multidict import CIMultiDictProxy

from simulator.ecoledirecte import EcoleDirecteSimulator

VERSION = "4.75.0"
UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36"
FORM = "application/x-www-form-urlencoded"
STUDENT = ("demo.eleve", "demo", 2345)
PARENT = ("demo.parent", "demo", 9001)
SIMPLE = ("simple.eleve", "motdepasse+&%", 2400)


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def unb64(text: str) -> str:
    return base64.b64decode(text).decode()


@dataclass
class Answer:
    """A decoded simulator response."""

    status: int
    headers: CIMultiDictProxy[str]
    body: dict[str, Any]
    text: str

    @property
    def code(self) -> int:
        return int(self.body["code"])

    @property
    def data(self) -> Any:
        return self.body["data"]

    @property
    def token(self) -> str:
        return str(self.body["token"])


class EdClient:
    """Speaks the protocol of EcoleDirecte protocol §1-3 to a simulator behind a TestClient."""

    def __init__(
        self, client: TestClient[web.Request, web.Application], sim: EcoleDirecteSimulator
    ) -> None:
        self.client = client
        self.sim = sim
        self.token = ""

    async def raw(
        self,
        path: str,
        body: str | None,
        *,
        verbe: str | None = "get",
        token: str | None = None,
        headers: dict[str, str] | None = None,
        params: dict[str, str] | None = None,
    ) -> ClientResponse:
        query = {"v": VERSION}
        if verbe is not None:
            query["verbe"] = verbe
        query.update(params or {})
        sent = {"User-Agent": UA, "Content-Type": FORM}
        use = self.token if token is None else token
        if use:
            sent["X-Token"] = use
        sent.update(headers or {})
        return await self.client.post(f"/v3/{path}", params=query, data=body, headers=sent)

    async def call(
        self,
        path: str,
        data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> Answer:
        body = "data=" + json.dumps({} if data is None else data)
        response = await self.raw(path, body, **kwargs)
        text = await response.text()
        answer = Answer(response.status, response.headers, json.loads(text), text)
        if answer.token:
            self.token = answer.token
        return answer

    async def gtk(self) -> str:
        response = await self.client.post("/v3/login.awp", params={"gtk": "1", "v": VERSION})
        assert response.status == 200
        return response.cookies["GTK"].value

    async def login(
        self,
        username: str,
        password: str,
        *,
        fa: list[Any] | None = None,
        extra: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        gtk = await self.gtk()
        body: dict[str, Any] = {
            "identifiant": username,
            "motdepasse": quote(password, safe=""),
            "isReLogin": False,
            "uuid": "",
            "sesouvenirdemoi": True,
        }
        if fa is not None:
            body["fa"] = fa
        body.update(extra or {})
        return await self.call(
            "login.awp", body, verbe=None, headers={"X-Gtk": gtk, **(headers or {})}
        )

    async def answer_qcm(self, answer: str, headers: dict[str, str] | None = None) -> Answer:
        question = await self.call("connexion/doubleauth.awp", {}, verbe="get", headers=headers)
        assert question.code == 200, question.body
        return await self.call(
            "connexion/doubleauth.awp", {"choix": b64(answer)}, verbe="post", headers=headers
        )

    async def full_login(self, username: str, password: str) -> tuple[Answer, list[Any]]:
        """Log in, answering the QCM when asked; returns the answer and the ``fa`` proof."""
        first = await self.login(username, password)
        if first.code != 250:
            return first, []
        proof = await self.answer_qcm(self.sim.qcm_answer(username))
        fa = [{"cn": proof.data["cn"], "cv": proof.data["cv"]}]
        return await self.login(username, password, fa=fa), fa
