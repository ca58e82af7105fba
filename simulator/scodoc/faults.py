"""Fault injection for the simulated ScoDoc server.

``next_errors`` entries are consumed one at a time by the next API request they apply to;
``"http_500:bulletin"`` applies only to a request whose path contains ``bulletin``.

Names: ``http_500`` (HTML page), ``http_503`` (HTML page), ``unauthorized`` (401 JSON as for an
expired token, the token itself stays valid), ``forbidden`` (403 JSON), ``not_found`` (404
JSON), ``bad_json`` (200 with an HTML body: a maintenance notice), ``wrong_shape`` (200 with a
JSON string), ``truncated`` (the real answer cut in half), ``login_page`` (a redirect to the web
login form, as ScoDoc's pages do when their session is gone).
"""

from __future__ import annotations

from dataclasses import dataclass, field

ERRORS = frozenset(
    {
        "http_500",
        "http_503",
        "unauthorized",
        "forbidden",
        "not_found",
        "bad_json",
        "wrong_shape",
        "truncated",
        "login_page",
    }
)


def check_error(entry: str) -> str:
    """Validate a ``next_errors`` entry; return it unchanged."""
    name = entry.partition(":")[0].strip()
    if name not in ERRORS:
        raise ValueError(f"unknown fault {name!r}; expected one of {sorted(ERRORS)}")
    return entry


@dataclass
class Faults:
    """Mutable fault switches read on every ``/ScoDoc`` request.

    * ``latency``: seconds added before every response.
    * ``slow_routes``: more seconds before the responses of paths ending with a key
      (``{"/bulletin": 0.2}``), so tests decide which of two calls in flight answers last.
    * ``next_errors``: one-shot faults (module docstring).
    * ``lose_sessions``: the next N tokens issued are dead at once (their first call is 401).
    """

    latency: float = 0.0
    slow_routes: dict[str, float] = field(default_factory=dict)
    next_errors: list[str] = field(default_factory=list)
    lose_sessions: int = 0

    def reset(self) -> None:
        """Clear every fault (in place, so held references stay valid)."""
        self.latency = 0.0
        self.slow_routes.clear()
        self.next_errors.clear()
        self.lose_sessions = 0

    def delay_of(self, path: str) -> float:
        """Seconds to wait before answering ``path``."""
        return self.latency + sum(
            extra for suffix, extra in self.slow_routes.items() if path.endswith(suffix)
        )

    def take_lost_session(self) -> bool:
        """Consume one pending session loss; ``True`` when this token must die at once."""
        if self.lose_sessions > 0:
            self.lose_sessions -= 1
            return True
        return False

    def take(self, path: str) -> str | None:
        """Pop the first fault that applies to ``path``."""
        for index, entry in enumerate(self.next_errors):
            name, _, target = entry.partition(":")
            if not target.strip() or target.strip() in path:
                del self.next_errors[index]
                return name.strip()
        return None
