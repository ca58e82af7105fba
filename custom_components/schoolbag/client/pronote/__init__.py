"""Async Pronote client (aiohttp and cryptography only, no Home Assistant import).

``PronoteClient(session, credentials, url=..., login_mode=...)`` implements
``SchoolClient``. Login modes: ``password``, ``qr`` (QR code JSON + 4-digit
PIN, then the rotating mobile token), ``token`` and ``cas`` (generic CAS
ENT). ``client.trust`` must be persisted after every login (the token
rotates; ``on_trust_change`` reports each change at once).

Pronote-specific errors: ``IpSuspendedError`` (a ``RateLimitedError``: the server
suspended the IP address, nothing to do but wait) and
``AccountActionRequiredError`` (an ``InvalidCredentialsError``: log in once on the
website). Extra data: ``evaluations``, ``menus``, ``information``.
"""

from .auth import LoginMode
from .client import PronoteClient
from .errors import AccountActionRequiredError, EntNotSupportedError
from .login_qr import QrCode, read_qr_code
from .url import PronoteUrl, detect_ent, is_pronote_home, normalize_pronote_url

__all__ = [
    "AccountActionRequiredError",
    "EntNotSupportedError",
    "LoginMode",
    "PronoteClient",
    "PronoteUrl",
    "QrCode",
    "detect_ent",
    "is_pronote_home",
    "normalize_pronote_url",
    "read_qr_code",
]
