"""Pronote-specific errors, subclasses of the shared ones so generic handling still works."""

from __future__ import annotations

from ..errors import InvalidCredentials, RateLimited


class IpSuspended(RateLimited):
    """The Pronote server suspended this IP address after too many requests or failures.

    Nothing can be done but wait (often an hour or more); the Home Assistant
    layer should raise a repair issue rather than a reauth. ``retry_after``
    is a conservative guess: the server gives no duration.
    """


class AccountActionRequired(InvalidCredentials):
    """Pronote wants the user to do something only a browser can do first.

    For example choose a custom password or set up double authentication.
    Logging in once on the Pronote website fixes it.
    """
