"""Fault injection switches for the simulated EcoleDirecte server (EcoleDirecte protocol §6.6)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Faults:
    """Mutable fault switches, read on every ``/v3`` request.

    * ``latency``: seconds added before every ``/v3`` response.
    * ``next_codes``: logical codes answered, one popped per ``/v3`` request except the GTK
      pre-call (a forced ``250`` on ``login.awp`` starts a real double-auth flow).
    * ``next_http_status``: HTTP statuses (e.g. 500, 503) answered with an HTML body, one popped
      per ``/v3`` request, GTK pre-call included.
    * ``malformed_next``: number of following JSON responses (GTK pre-call excluded) whose body
      is cut in half, i.e. invalid JSON.
    * ``maintenance_next``: number of following ``/v3`` requests (GTK pre-call included)
      answered with an HTML maintenance notice and HTTP status 200, as a front-end proxy does.
    * ``lose_sessions``: number of following authenticated calls whose session is dropped
      just before the call is served (code 520, as for any unknown token).
    * ``ip_flagged``: every ``/v3`` request gets HTTP 403 with an HTML body.
    * ``strict_2fa_token``: late-2025 double auth; the ``250`` login answer carries a
      ``2FA-Token`` header that must be echoed as ``2fa-token`` on ``doubleauth.awp`` and on the
      first login that uses the freshly issued ``cn``/``cv``.
    """

    latency: float = 0.0
    next_codes: list[int] = field(default_factory=list)
    next_http_status: list[int] = field(default_factory=list)
    malformed_next: int = 0
    maintenance_next: int = 0
    lose_sessions: int = 0
    ip_flagged: bool = False
    strict_2fa_token: bool = False

    def reset(self) -> None:
        """Clear every fault (in place, so held references stay valid)."""
        self.latency = 0.0
        self.next_codes.clear()
        self.next_http_status.clear()
        self.malformed_next = 0
        self.maintenance_next = 0
        self.lose_sessions = 0
        self.ip_flagged = False
        self.strict_2fa_token = False

    def pop_code(self) -> int | None:
        """Return the next forced logical code, if any."""
        return self.next_codes.pop(0) if self.next_codes else None

    def pop_http_status(self) -> int | None:
        """Return the next forced HTTP status, if any."""
        return self.next_http_status.pop(0) if self.next_http_status else None

    def take_malformed(self) -> bool:
        """Consume one pending malformed response; ``True`` when this one must be malformed."""
        if self.malformed_next > 0:
            self.malformed_next -= 1
            return True
        return False

    def take_maintenance(self) -> bool:
        """Consume one pending maintenance notice; ``True`` when this answer must be one."""
        if self.maintenance_next > 0:
            self.maintenance_next -= 1
            return True
        return False

    def take_lost_session(self) -> bool:
        """Consume one pending session loss; ``True`` when this session must be dropped."""
        if self.lose_sessions > 0:
            self.lose_sessions -= 1
            return True
        return False
