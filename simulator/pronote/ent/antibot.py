"""An anti-robot page in front of an ENT-hosted Pronote (pronotepy #194).

See Pronote protocol §1.3, 8.2.

Every space page first answers ``<body onload="go()">`` with a script that finds
a nonce such that SHA-256(challenge + nonce) starts with ``000``, stores
``KEY=<challenge>:<nonce>`` in a cookie and reloads. With a valid ``KEY`` the
request goes through (to the generic CAS). Scripted clients cannot pass it.
"""

from __future__ import annotations

import hashlib
import secrets

from aiohttp import web

from simulator.pronote.ent.pages import document

COOKIE = "KEY"
DIFFICULTY = "000"
_SCRIPT = """
async function go() {
  var challenge = "%s";
  for (var nonce = 0; ; nonce++) {
    var data = new TextEncoder().encode(challenge + nonce);
    var digest = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
    var hex = Array.from(digest, function (b) { return b.toString(16).padStart(2, "0"); }).join("");
    if (hex.startsWith("%s")) {
      document.cookie = "KEY=" + challenge + ":" + nonce + "; path=/";
      location.reload();
      return;
    }
  }
}
"""


def solves(challenge: str, nonce: str) -> bool:
    digest = hashlib.sha256(f"{challenge}{nonce}".encode()).hexdigest()
    return digest.startswith(DIFFICULTY)


class AntiBot:
    """Challenges handed out; a cookie passes when it solves one of them."""

    def __init__(self) -> None:
        self._challenges: set[str] = set()

    def passes(self, request: web.Request) -> bool:
        challenge, _, nonce = request.cookies.get(COOKIE, "").partition(":")
        return challenge in self._challenges and nonce.isdigit() and solves(challenge, nonce)

    def page(self) -> str:
        challenge = secrets.token_hex(16)
        self._challenges.add(challenge)
        head = f"<script>{_SCRIPT % (challenge, DIFFICULTY)}</script>\n"
        body = "<p>Vérification de votre navigateur en cours, veuillez patienter…</p>"
        return document("Vérification", body, onload="go()", head=head)
