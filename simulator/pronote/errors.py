"""Protocol-level failures: top-level ``Erreur`` codes and signature-level refusals.

See Pronote protocol §3.6.
"""

from __future__ import annotations

from typing import Any

SESSION_EXPIRED = 10
PAGE_EXPIRED = 11
ACCESS_DENIED = 3
UNAVAILABLE = 21
EXPIRED_OBJECT = 22
TOO_MANY_ATTEMPTS = 25

TITLES = {
    ACCESS_DENIED: "Accès refusé",
    SESSION_EXPIRED: "Votre session a expiré. Veuillez vous reconnecter.",
    PAGE_EXPIRED: "La page a expiré ! (4)",
    UNAVAILABLE: "Impossible d'afficher la page",
    EXPIRED_OBJECT: "Objet de session précédente",
}


def too_many_attempts_title(retry_seconds: int) -> str:
    minutes = max(1, (retry_seconds + 59) // 60)
    return (
        "Vous avez dépassé le nombre maximal de demandes d'autorisation. "
        f"Veuillez réessayer dans {minutes} minute{'s' if minutes > 1 else ''}."
    )


class PronoteError(Exception):
    """Answered as ``{"Erreur": {"G": code, "Titre": title}}`` (never encrypted).

    ``kill`` ends the session (the client must start a new one); ``retry_after`` adds a
    ``Retry-After`` header (seconds) for rate limiting.
    """

    def __init__(
        self, code: int, title: str = "", *, kill: bool = False, retry_after: int | None = None
    ) -> None:
        self.code = code
        self.title = title or TITLES.get(code, "Erreur")
        self.kill = kill
        self.retry_after = retry_after
        super().__init__(f"Erreur {code}: {self.title}")

    def body(self) -> dict[str, Any]:
        return {"Erreur": {"G": self.code, "Titre": self.title}}


class Refusal(Exception):
    """An application-level refusal: ``dataSec.Signature = {Erreur: true, MessageErreur}``."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)
