"""What a Pronote login persists between restarts (``client.trust``).

Keys (all optional, all strings):

* ``nav``: the browser id the server issued (``identifiantNav``); a device
  registered after a PIN is recognised by it on later password logins.
* ``uuid``: this installation's ``uuidAppliMobile`` (QR code and token logins).
* ``login``: the Pronote login decrypted from the QR code.
* ``token``: the current mobile token; it changes on every QR/token login,
  so the caller must persist ``trust`` after each login (``on_trust_change``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

NAV = "nav"
UUID = "uuid"
LOGIN = "login"
TOKEN = "token"
KEYS = (NAV, UUID, LOGIN, TOKEN)

TrustListener = Callable[[dict[str, str]], None]


class TrustStore:
    """The trust values, telling a listener whenever one changes."""

    def __init__(self, initial: Mapping[str, str], listener: TrustListener | None) -> None:
        self._values = {key: str(initial[key]) for key in KEYS if initial.get(key)}
        self._listener = listener

    def __repr__(self) -> str:
        """Only the key names: the values are secrets."""
        return f"TrustStore(keys={sorted(self._values)!r})"

    def get(self, key: str) -> str | None:
        """A stored value."""
        return self._values.get(key)

    def update(self, **values: str | None) -> None:
        """Set (or, with None, remove) values; notify the listener once if anything changed.

        The client's listener is ``BaseClient._trust_changed``, which logs a failing caller.
        """
        changed = False
        for key, new in values.items():
            if new:
                if self._values.get(key) != new:
                    self._values[key] = new
                    changed = True
            elif key in self._values:
                del self._values[key]
                changed = True
        if changed and self._listener is not None:
            self._listener(self.as_dict())

    def as_dict(self) -> dict[str, str]:
        """A copy to persist."""
        return dict(self._values)
