"""Pronote-specific errors, subclasses of the shared ones so generic handling still works."""

from __future__ import annotations

from ..errors import InvalidCredentialsError, NotSupportedError

__all__ = ["AccountActionRequiredError", "EntNotSupportedError"]


class AccountActionRequiredError(InvalidCredentialsError):
    """Pronote wants the user to do something only a browser can do first.

    For example choose a custom password or set up double authentication.
    Logging in once on the Pronote website fixes it.
    """


class EntNotSupportedError(NotSupportedError):
    """An ENT (or a step of it) this client cannot get through; the message names it."""
