"""The device identity: the login ``uuid`` and the QCM proof the server ties to it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
import uuid


def _proof_from(values: Mapping[str, str]) -> dict[str, str] | None:
    cn = values.get("cn", "")
    cv = values.get("cv", "")
    return {"cn": cn, "cv": cv} if cn and cv else None


class Device:
    """What the server knows this client by, restored from and saved to ``trust``.

    The server issues the QCM ``cn``/``cv`` pair for a user and device
    ``uuid``, so both are persisted together. Entries saved before the uuid
    was sent hold a pair issued for ``uuid ""``: that uuid is kept while the
    pair lasts. A new uuid is chosen only when no pair depends on the old one.
    """

    def __init__(self, stored: Mapping[str, str]) -> None:
        self.proof = _proof_from(stored)
        saved = stored.get("uuid", "").strip()
        # None: no login yet and nothing to keep, a uuid is chosen on first use.
        self._uuid: str | None = saved or ("" if self.proof else None)

    def login_uuid(self) -> str:
        """The uuid to send on a password login."""
        if self._uuid is None or (not self._uuid and self.proof is None):
            self._uuid = str(uuid.uuid4())
        return self._uuid

    def adopt_proof(self, cn: str, cv: str) -> bool:
        """Keep a new proof; False when it is incomplete."""
        proof = _proof_from({"cn": cn, "cv": cv})
        if proof is None:
            return False
        self.proof = proof
        return True

    def fa(self) -> list[dict[str, Any]] | None:
        """The ``fa`` login field, or None without a proof."""
        if self.proof is None:
            return None
        return [{"cn": self.proof["cn"], "cv": self.proof["cv"], "uniq": False}]

    def as_trust(self) -> dict[str, str]:
        """The mapping to persist: the proof, and the uuid once one is in use."""
        trust = dict(self.proof) if self.proof else {}
        if self._uuid:
            trust["uuid"] = self._uuid
        return trust
