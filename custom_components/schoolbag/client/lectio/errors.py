"""Lectio-specific errors (each a subclass of a neutral one)."""

from __future__ import annotations

from ..errors import InvalidCredentialsError, NotSupportedError, RateLimitedError


class UnknownSchoolError(InvalidCredentialsError):
    """No Lectio school has this id."""


class MitIdOnlyError(NotSupportedError):
    """The school offers no username/password login: use the auto-login cookie instead."""


class AccountLockedError(RateLimitedError):
    """Lectio locked the account for a while after failed logins."""
