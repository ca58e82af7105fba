"""GTK handshake, login, QCM double authentication and account switching.

See EcoleDirecte protocol §3, 6.3.
"""

from __future__ import annotations

import secrets
from typing import Any

from simulator.ecoledirecte.codec import (
    b64decode_text,
    b64encode_text,
    login_error_data,
    url_decode_field,
)
from simulator.ecoledirecte.fixtures.models import User
from simulator.ecoledirecte.fixtures.people import render_account
from simulator.ecoledirecte.protocol import Call, Reply
from simulator.ecoledirecte.state import Session, TokenStatus

MSG_UNKNOWN_USER = "Identifiant et/ou mot de passe invalide !"
MSG_BAD_PASSWORD = "Mot de passe invalide !"
MSG_BAD_ANSWER = "Réponse incorrecte !"
TWO_FA_HEADER = "2FA-Token"


def gtk(call: Call) -> Reply:
    """``login.awp?gtk=1``: hand out a single-use GTK cookie (no ``Domain`` attribute)."""
    value = call.sim.gtks.issue()
    return Reply(code=200, token="", cookies={"GTK": value, "SIMSRV": "HTTPSIM"})


def _login_failure(message: str) -> Reply:
    return Reply(code=505, message=message, token="", data=login_error_data())


def _gtk_ok(call: Call) -> bool:
    sim = call.sim
    if not sim.require_gtk:
        return True
    header = call.header("X-Gtk")
    if not sim.gtks.consume(header):
        return False
    return not sim.require_gtk_cookie or call.request.cookies.get("GTK", "") == header


def fa_pairs(body: dict[str, Any]) -> list[tuple[str, str]]:
    """Extract ``cn``/``cv`` proofs from ``fa`` entries (``null`` ignored) and top level."""
    pairs: list[tuple[str, str]] = []
    entries = body.get("fa")
    if isinstance(entries, list):
        for entry in entries:
            if isinstance(entry, dict) and entry.get("cn") and entry.get("cv"):
                pairs.append((str(entry["cn"]), str(entry["cv"])))
    if body.get("cn") and body.get("cv"):
        pairs.append((str(body["cn"]), str(body["cv"])))
    return pairs


def _double_auth_needed(call: Call, user: User) -> Reply | None:
    """``None`` when the login may proceed, else the reply (250 challenge or 225)."""
    sim = call.sim
    if not (user.qcm_required or call.forced_qcm):
        return None
    trusted = [p for p in fa_pairs(call.data) if sim.trust.is_trusted(user.username, p)]
    if trusted and not call.forced_qcm:
        pending = [sim.trust.pending_token(p) for p in trusted]
        if all(pending):  # strict mode: first use of a fresh pair must echo the 2FA token
            echoed = call.header("2fa-token")
            if echoed not in pending:
                return Reply(code=225, token="", data=None)
        for pair in trusted:
            sim.trust.confirm(pair)
        return None
    session = sim.sessions.mint(
        user.username,
        temporary=True,
        uuid=str(call.data.get("uuid") or ""),
        user_agent=call.header("User-Agent"),
    )
    headers: dict[str, str] = {}
    if sim.faults.strict_2fa_token:
        session.two_fa_token = secrets.token_urlsafe(32)
        headers[TWO_FA_HEADER] = session.two_fa_token
    return Reply(code=250, token=session.token, data=None, headers=headers)


def _success(call: Call, user: User, uuid: str) -> Reply:
    sim = call.sim
    session = sim.sessions.mint(
        user.username, temporary=False, uuid=uuid, user_agent=call.header("User-Agent")
    )
    call.session = session
    remember = bool(call.data.get("sesouvenirdemoi")) or bool(uuid)
    access_token = sim.access_tokens.issue(user.username, uuid) if remember else ""
    return Reply(code=200, token=session.token, data=accounts_data(call, user, access_token))


def accounts_data(call: Call, user: User, access_token: str) -> dict[str, Any]:
    world = call.sim.world
    return {
        "changementMDP": False,
        "accounts": [
            render_account(
                world, account, access_token=access_token, socket_token=secrets.token_hex(24)
            )
            for account in user.accounts
        ],
    }


def login(call: Call) -> Reply:
    """``login.awp``: GTK check, credentials (or access-token renewal), then double auth."""
    if not _gtk_ok(call):
        return _login_failure(MSG_UNKNOWN_USER)
    body = call.data
    username = url_decode_field(body.get("identifiant")).strip()
    user = call.sim.world.users.get(username.lower())
    if user is None:
        return _login_failure(MSG_UNKNOWN_USER)
    uuid = str(body.get("uuid") or "")
    relogin = bool(body.get("isReLogin")) or bool(body.get("isRelogin"))
    access_token = str(body.get("accesstoken") or body.get("accessToken") or "")
    renewed = relogin and call.sim.access_tokens.check(user.username, uuid, access_token)
    if not renewed and url_decode_field(body.get("motdepasse")) != user.password:
        return _login_failure(MSG_BAD_PASSWORD)
    challenge = _double_auth_needed(call, user)
    if challenge is not None:
        return challenge
    return _success(call, user, uuid)


def _pending_session(call: Call) -> tuple[Session | None, Reply | None]:
    sim = call.sim
    status, session = sim.sessions.lookup(call.token, sim.token_ttl)
    if status is TokenStatus.EXPIRED:
        return None, Reply(code=525, token="")
    if session is None or not session.temporary:
        return None, Reply(code=520, token="")
    if call.body is None and sim.strict_doubleauth_body:
        return None, Reply(code=225, token="")
    if session.two_fa_token and call.header("2fa-token") != session.two_fa_token:
        return None, Reply(code=225, token="")
    return session, None


def doubleauth(call: Call) -> Reply:
    """``connexion/doubleauth.awp``: ``get`` the QCM, ``post`` the chosen answer."""
    session, error = _pending_session(call)
    if error is not None:
        return error
    assert session is not None
    sim = call.sim
    user = sim.world.users[session.username]
    headers = {TWO_FA_HEADER: session.two_fa_token} if session.two_fa_token else {}
    if call.verbe == "get":
        token = sim.sessions.rotate(session)
        data = {
            "question": b64encode_text(user.qcm.question),
            "propositions": [b64encode_text(p) for p in user.qcm.propositions],
        }
        return Reply(code=200, token=token, data=data, headers=headers)
    if call.verbe == "post":
        raw = str(call.data.get("choix") or "")
        choice = b64decode_text(raw)
        if choice is None:
            choice = url_decode_field(raw)
        if choice.strip().casefold() != user.qcm.answer.casefold():
            return Reply(code=505, message=MSG_BAD_ANSWER, token=session.token, data=None)
        cn, cv = sim.trust.grant(user.username, session.uuid, session.two_fa_token)
        token = sim.sessions.rotate(session)
        return Reply(code=200, token=token, data={"cn": cn, "cv": cv}, headers=headers)
    return Reply(code=225, token="")


def renewtoken(call: Call) -> Reply:
    """``renewtoken.awp?verbe=post``: switch the token to another account of the login."""
    assert call.session is not None
    target = call.data.get("idUser")
    for index, account in enumerate(call.user.accounts):
        if target in (account.id_login, account.id, str(account.id_login), str(account.id)):
            call.session.account_index = index
            call.sim.sessions.rotate(call.session)
            access = call.sim.access_tokens.issue(call.user.username, call.session.uuid)
            return Reply(code=200, data=accounts_data(call, call.user, access))
    return Reply(code=210, data=None)
