"""Lectio-specific errors (each a subclass of a neutral one)."""

from __future__ import annotations

from ..errors import InvalidCredentials, NotSupported, RateLimited


class UnknownSchool(InvalidCredentials):
    """No Lectio school has this id."""


class MitIdOnly(NotSupported):
    """The school offers no username/password login: use the auto-login cookie instead."""


class AccountLocked(RateLimited):
    """Lectio locked the account for a while after failed logins."""
