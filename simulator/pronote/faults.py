"""Fault injection switches for the simulated Pronote server.

``next_errors`` entries are consumed one at a time by the next request they apply to; an
entry may be restricted to one function with a suffix: ``"page_expired:DernieresNotes"``
(``":page"`` restricts a page-level fault to page loads).

Function-level (next ``appelfonction`` call): ``session_expired`` (Erreur 10, session
dropped), ``page_expired`` (Erreur 11, session dropped), ``access_denied`` (3),
``unavailable`` (21), ``expired_object`` (22), ``too_many_attempts`` (25 with a retry delay),
``bad_challenge`` (next ``Identification`` issues a challenge no key can solve).

Page-level (next page load, or next call): ``ip_suspended``, ``site_closed``, ``site_busy``,
``maintenance`` (HTML pages served with status 200), ``http_500``, ``http_503`` (HTTP errors).

``truncated`` (next call): the real answer, cut in the middle.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FUNCTION_ERRORS = frozenset(
    {
        "session_expired",
        "page_expired",
        "access_denied",
        "unavailable",
        "expired_object",
        "too_many_attempts",
        "bad_challenge",
        "truncated",
    }
)
PAGE_ERRORS = frozenset(
    {"ip_suspended", "site_closed", "site_busy", "maintenance", "http_500", "http_503"}
)
ERRORS = FUNCTION_ERRORS | PAGE_ERRORS


def split_error(entry: str) -> tuple[str, str]:
    """``"page_expired:DernieresNotes"`` -> ``("page_expired", "DernieresNotes")``."""
    name, _, target = entry.partition(":")
    return name.strip(), target.strip()


def check_error(entry: str) -> str:
    """Validate a ``next_errors`` entry; return it unchanged."""
    name, _ = split_error(entry)
    if name not in ERRORS:
        raise ValueError(f"unknown fault {name!r}; expected one of {sorted(ERRORS)}")
    return entry


@dataclass
class Faults:
    """Mutable fault switches, read on every Pronote request.

    * ``latency``: seconds added before every ``/pronote`` response.
    * ``next_errors``: one-shot faults (module docstring).
    * ``ip_suspended`` / ``site_closed``: every page load and call answers that HTML page.
    * ``lose_sessions``: the next N sessions that log in are dropped at their next call
      (Erreur 10, as when the server forgets a session).
    * ``login_failures``: failed logins (``Acces 1``) since the last success or lockout.
    """

    latency: float = 0.0
    next_errors: list[str] = field(default_factory=list)
    ip_suspended: bool = False
    site_closed: bool = False
    lose_sessions: int = 0

    def reset(self) -> None:
        """Clear every fault (in place, so held references stay valid)."""
        self.latency = 0.0
        self.next_errors.clear()
        self.ip_suspended = False
        self.site_closed = False
        self.lose_sessions = 0

    def take_lost_session(self) -> bool:
        """Consume one pending session loss; ``True`` when this session must be dropped."""
        if self.lose_sessions > 0:
            self.lose_sessions -= 1
            return True
        return False

    def take(self, *, function: str | None) -> str | None:
        """Pop the first fault applying to a page load (``function`` None) or a call."""
        for index, entry in enumerate(self.next_errors):
            name, target = split_error(entry)
            if function is None:
                applies = name in PAGE_ERRORS and target in ("", "page")
            elif name == "bad_challenge":
                applies = function == "Identification"
            else:
                applies = target in ("", function) and target != "page"
            if applies:
                del self.next_errors[index]
                return name
        return None
