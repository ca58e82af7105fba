"""Login sequence: ``FonctionParametres``, ``Identification``, ``Authentification``.

See Pronote protocol §3.

Key/IV timing (Pronote protocol §2.4): the ``FonctionParametres`` response is already under IV
``MD5(R)``; the ``Authentification`` response is still under ``MD5("")``; the session key
becomes ``MD5(K)`` right after it (``Session.next_cipher``).
"""

from __future__ import annotations

import base64
import binascii
import secrets
from typing import TYPE_CHECKING

from simulator.pronote import errors
from simulator.pronote.crypto import (
    EMPTY_KEY,
    CipherState,
    CryptoError,
    add_alea,
    challenge_key,
    cle_text,
    ent_challenge_key,
    md5,
    new_session_key_material,
)
from simulator.pronote.errors import PronoteError
from simulator.pronote.fixtures.models import Account, SchoolYear
from simulator.pronote.protocol import Call, Json
from simulator.pronote.session import Challenge, LoginMode, Phase, Session
from simulator.pronote.values import date_v, datetime_v, elements, enum_set, typed

if TYPE_CHECKING:
    from simulator.pronote.simulator import PronoteSimulator

ALEA = "alea"
NO_ALEA = "no_alea"
CHALLENGE_VARIANTS = (NO_ALEA, ALEA)
MODE_COMP_LOG = 1  # logins are compared lower-cased
MODE_COMP_MDP = 0  # secrets are case-sensitive


def general_parameters(year: SchoolYear, version: str) -> Json:
    """``FonctionParametres.General`` (only what clients read, plus a few plausible keys)."""
    slots = range(year.slots_per_day + 1)  # PlacesParJour + 1 entries (pronotepy quirk)
    ends = [year.slot_time(slot + 1) for slot in slots]
    return {
        "versionPN": ".".join(version.split(".")[:3]),
        "millesime": str(year.last_date.year),
        "langue": "fr",
        "langID": 1036,
        "PremierLundi": date_v(year.first_monday),
        "PremiereDate": date_v(year.first_date),
        "DerniereDate": date_v(year.last_date),
        "JourOuvre": date_v(year.first_date),
        "PlacesParJour": year.slots_per_day,
        "PlacesParHeure": 60 // year.slot_minutes,
        "DureeSequence": year.slot_minutes,
        "ListeHeures": elements(
            {"G": slot, "L": year.slot_time(slot).strftime("%Hh%M")} for slot in slots
        ),
        "ListeHeuresFin": elements(
            {"G": slot, "L": end.strftime("%Hh%M")} for slot, end in zip(slots, ends, strict=True)
        ),
        "ListePeriodes": [
            {
                "N": period.id,
                "L": period.label,
                "G": period.kind,
                "periodeNotation": period.notation,
                "dateDebut": date_v(period.start),
                "dateFin": date_v(period.end),
            }
            for period in year.periods
        ],
        "listeJoursFeries": elements(
            {"N": h.id, "L": h.label, "dateDebut": date_v(h.start), "dateFin": date_v(h.end)}
            for h in year.holidays
        ),
        "DomainesFrequences": [None, typed(8, "[1,3,5]"), typed(8, "[2,4,6]")],
        "LibellesFrequences": ["", "Q1", "Q2"],
        "joursOuvres": typed(26, "[0..4]"),
        "JoursDemiPension": typed(26, "[0,1,3,4]"),
    }


def fonction_parametres(call: Call) -> Json:
    """Read ``Uuid`` (base64 of the 16-byte R), switch the IV to ``MD5(R)`` for this reply."""
    session = call.session
    raw = call.data.get("Uuid")
    try:
        uuid = base64.b64decode(str(raw), validate=True)
    except (binascii.Error, ValueError) as err:
        raise PronoteError(errors.UNAVAILABLE) from err
    if len(uuid) != 16:  # an RSA-encrypted IV: the simulator never advertises "http"
        raise PronoteError(errors.UNAVAILABLE)
    session.cipher = CipherState(EMPTY_KEY, md5(uuid))
    navigator = call.data.get("identifiantNav")
    session.navigator = (
        navigator if isinstance(navigator, str) and navigator else secrets.token_hex(8).upper()
    )
    session.phase = Phase.READY
    return {
        "identifiantNav": session.navigator,
        "General": general_parameters(call.world.year, call.sim.version),
        "Theme": {"theme": 1},
    }


def _secret_for(call: Call, mode: LoginMode, login: str) -> tuple[Account | None, str]:
    """The account addressed by ``login`` and the secret its challenge key derives from."""
    sim, session = call.sim, call.session
    kind = session.space.kind
    if mode is LoginMode.ENT:
        if session.ent_secret and login.lower() == session.ent_login.lower():
            return call.world.account(kind, session.ent_login), session.ent_secret
        return None, ""
    if mode is LoginMode.QR_CODE:
        grant = sim.qr_codes.find(kind, login, sim.clock())
        if grant is None:
            return None, ""
        return call.world.account(kind, grant.username), grant.jeton
    account = call.world.account(kind, login)
    if account is None:
        return None, ""
    if mode is LoginMode.TOKEN:
        token = account.token
        if token is None or token.uuid != session.device_uuid:
            return account, ""
        return account, token.value
    return account, account.password


def identification(call: Call) -> Json:
    """Issue a challenge (alea-wrapped or direct) for the announced login and secret kind."""
    sim, session, data = call.sim, call.session, call.data
    sim.check_lockout()
    login = str(data.get("identifiant") or "")
    if data.get("pourENT"):
        mode = LoginMode.ENT
    elif data.get("demandeConnexionAppliMobileJeton"):
        mode = LoginMode.QR_CODE
    elif data.get("enConnexionAppliMobile"):
        mode = LoginMode.TOKEN
    else:
        mode = LoginMode.PASSWORD
    session.device_uuid = str(data.get("uuidAppliMobile") or "")
    account, secret = _secret_for(call, mode, login)
    if not secret:
        account, secret = None, secrets.token_hex(16)  # a dummy challenge reveals nothing
    variant = sim.challenge_variant
    alea = secrets.token_hex(8) if variant == ALEA else ""
    if mode is LoginMode.ENT:
        key = ent_challenge_key(secret)
    else:
        key = challenge_key(
            login,
            secret,
            alea,
            lower_login=bool(MODE_COMP_LOG),
            lower_secret=bool(MODE_COMP_MDP),
        )
    solvable = call.fault != "bad_challenge"
    cipher = CipherState(key if solvable else secrets.token_bytes(16), session.cipher.iv)
    if variant == ALEA:
        plain = secrets.token_hex(8)
        text = cipher.encrypt(add_alea(plain, secrets.token_hex(8)).encode()).hex()
    else:
        plain = text = secrets.token_hex(16).upper()
    session.challenge = Challenge(
        account=account,
        mode=mode,
        key=key,
        text=text,
        plain=plain,
        wants_token=bool(
            data.get("demandeConnexionAppliMobile") or data.get("enConnexionAppliMobile")
        ),
        solvable=solvable,
    )
    session.phase = Phase.IDENTIFIED
    result: Json = {"modeCompLog": MODE_COMP_LOG, "modeCompMdp": MODE_COMP_MDP, "challenge": text}
    if variant == ALEA:
        result["alea"] = alea
    return result


def _answer_ok(sim: PronoteSimulator, session: Session, challenge: Challenge, answer: str) -> bool:
    if challenge.account is None or not challenge.solvable:
        return False
    try:
        decrypted = CipherState(challenge.key, session.cipher.iv).decrypt_hex(answer)
    except CryptoError:
        return False
    legacy = decrypted == challenge.plain
    direct = decrypted == challenge.text
    if sim.strict_challenge:
        return legacy if sim.challenge_variant == ALEA else direct
    return legacy or direct


def authentification(call: Call) -> Json:
    """Check the answer; on success send ``cle`` and schedule the session-key switch."""
    sim, session = call.sim, call.session
    challenge = session.challenge
    answer = call.data.get("challenge")
    session.challenge = None
    if (
        challenge is None
        or not isinstance(answer, str)
        or not _answer_ok(sim, session, challenge, answer)
    ):
        session.phase = Phase.READY
        sim.record_login_failure()
        return {"Acces": 1}
    account = challenge.account
    assert account is not None
    if challenge.mode is LoginMode.QR_CODE:
        sim.qr_codes.consume(session.space.kind, account.username)
    if challenge.mode is LoginMode.ENT:
        session.ent_secret = ""  # one-shot
    sim.record_login_success()
    material = new_session_key_material()
    challenge_cipher = CipherState(challenge.key, session.cipher.iv)
    security = sim.security(account.username)
    result: Json = {
        "cle": challenge_cipher.encrypt_hex(cle_text(material)),
        "libelleUtil": account.label,
        "modeSecurisationParDefaut": security.mode,
    }
    if account.last_login is not None:
        result["derniereConnexion"] = datetime_v(account.last_login)
    account.last_login = sim.now()
    session.account = account
    session.mode = challenge.mode
    if challenge.wants_token or challenge.mode in (LoginMode.QR_CODE, LoginMode.TOKEN):
        result["jetonConnexionAppliMobile"] = sim.issue_token(account, session.device_uuid)
    actions = sim.security_actions(account, session)
    if actions:
        result["actionsDoubleAuth"] = enum_set(actions)
        result["modesPossibles"] = enum_set([1, 2, 3])
        if 0 in actions:
            result["reglesSaisieMDP"] = {"min": 8, "max": 40, "regles": enum_set([1, 2])}
        session.pending_actions = set(actions)
        session.phase = Phase.SECURING
    else:
        session.phase = Phase.AUTHENTICATED
    session.next_cipher = CipherState(md5(material), session.cipher.iv)
    return result
