"""Read the space page: the ``Start ({...})`` parameters, the version and error pages (1.3).

Older servers put ``Start`` in ``<body onload>``, 2026.2.4+ in an inline
script: the whole document is searched. Flags are read with their types;
the envelope field names follow from which flags exist, else from the
version shown on the page (2.2, 9.2).
"""

from __future__ import annotations

from dataclasses import dataclass
import html
import re
from typing import Any

from ..errors import IpSuspendedError, ProtocolChangedError, SchoolError, ServerUnavailableError
from .const import IP_SUSPENDED_RETRY
from .envelope import CURRENT, LEGACY, Scheme, scheme_for_version

_START = re.compile(r"\bStart\s*\(\s*\{")
_VERSION = re.compile(r"PRONOTE\s+(\d{4})\.(\d{1,2})\.(\d{1,3})(?:\.(\d+))?")
_TOKEN = re.compile(
    r"""\s*(?:
        (?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
      | (?P<num>-?\d+(?:\.\d+)?)
      | (?P<word>[A-Za-z_$][\w$]*)
      | (?P<punct>[:,}])
    )""",
    re.VERBOSE,
)
_WORDS: dict[str, Any] = {"true": True, "false": False, "null": None, "undefined": None}


@dataclass(frozen=True, slots=True)
class Bootstrap:
    """What the space page tells a client before the first call."""

    session_id: int
    space_number: int
    encrypt: bool
    compress: bool
    scheme: Scheme
    version: tuple[int, ...] | None = None
    http: bool = False
    rsa_modulus: int | None = None
    rsa_exponent: int | None = None
    ent_login: str | None = None
    ent_secret: str | None = None
    # Neither flags nor version on the page: the field names are a first guess.
    scheme_guessed: bool = False

    def __repr__(self) -> str:
        """The ENT secret stays out of logs."""
        return (
            f"Bootstrap(a={self.space_number}, scheme={self.scheme.name}, "
            f"encrypt={self.encrypt}, compress={self.compress}, version={self.version})"
        )


def _unquote(token: str) -> str:
    body = token[1:-1]
    return re.sub(r"\\(.)", r"\1", body)


def parse_start(text: str) -> dict[str, Any] | None:
    """The object literal passed to ``Start``, or None when the page has none.

    Parses a relaxed JavaScript literal (unquoted keys, single quotes) of flat
    values; nested objects are not used by Pronote here.
    """
    found = _START.search(text)
    if found is None:
        return None
    result: dict[str, Any] = {}
    position = found.end()
    key: str | None = None
    expect_value = False
    while True:
        token = _TOKEN.match(text, position)
        if token is None:
            raise ProtocolChangedError("the Pronote page start parameters cannot be read")
        position = token.end()
        kind = token.lastgroup
        value = token.group(kind or "")
        if kind == "punct":
            if value == "}":
                return result
            if value == ":":
                expect_value = key is not None
            continue
        if expect_value and key is not None:
            if kind == "str":
                result[key] = _unquote(value)
            elif kind == "num":
                result[key] = float(value) if "." in value else int(value)
            else:
                result[key] = _WORDS.get(value, value)
            key, expect_value = None, False
        else:
            key = _unquote(value) if kind == "str" else value


def read_version(text: str) -> tuple[int, ...] | None:
    """The ``PRONOTE x.y.z[.b]`` version shown on the page, if any."""
    found = _VERSION.search(text)
    if found is None:
        return None
    return tuple(int(part) for part in found.groups() if part is not None)


# What a maintenance notice (served with status 200 by the site or its proxy) says.
_MAINTENANCE_WORDS = ("en maintenance", "maintenance en cours", "en cours de mise à jour")


def page_problem(text: str) -> SchoolError | None:
    """The error an HTML error page stands for (suspended IP, closed site), if any."""
    plain = html.unescape(text).replace("\u2019", "'")
    lowered = plain.casefold()
    if "adresse ip" in lowered and "suspendu" in lowered:
        return IpSuspendedError(
            "Pronote suspended this IP address for a while after too many requests",
            retry_after=IP_SUSPENDED_RETRY,
        )
    if "site n'est pas disponible" in lowered or "momentanément indisponible" in lowered:
        return ServerUnavailableError("the Pronote site is closed or unavailable for now")
    if any(words in lowered for words in _MAINTENANCE_WORDS):
        return ServerUnavailableError("the Pronote site shows a maintenance notice")
    if 'onload="go()"' in lowered:
        return ProtocolChangedError("an anti-robot page stands in front of this Pronote site")
    return None


def _flag(params: dict[str, Any], name: str) -> bool | None:
    if name not in params:
        return None
    value = params[name]
    if isinstance(value, str):
        return value.strip().lower() not in ("", "false", "0")
    return bool(value)


def _hex_int(value: Any) -> int | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return int(value, 16)
    except ValueError:
        return None


def _envelope(
    params: dict[str, Any], version: tuple[int, ...] | None
) -> tuple[Scheme, bool, bool] | None:
    """Field names and the encrypt/compress flags, from the flags present, else the version."""
    encrypt, compress = _flag(params, "CrA"), _flag(params, "CoA")
    if encrypt is not None or compress is not None:
        return CURRENT, bool(encrypt), bool(compress)
    skip_encrypt, skip_compress = _flag(params, "sCrA"), _flag(params, "sCoA")
    if skip_encrypt is not None or skip_compress is not None:
        legacy = scheme_for_version(version) if version is not None else LEGACY
        if legacy is CURRENT:
            legacy = LEGACY
        return legacy, not skip_encrypt, not skip_compress
    if version is not None:
        scheme = scheme_for_version(version)
        # No flag at all: current pages omit false flags, legacy pages omit false skips.
        on = scheme is not CURRENT
        return scheme, on, on
    return None


def parse_bootstrap(text: str) -> Bootstrap:
    """Read the space page, or raise the error an error page stands for."""
    params = parse_start(text)
    if params is None or "h" not in params or "a" not in params:
        problem = page_problem(text)
        if problem is not None:
            raise problem
        raise ProtocolChangedError("this page is not a Pronote space page (no start parameters)")
    try:
        session_id = int(str(params["h"]))
        space_number = int(str(params["a"]))
    except ValueError as err:
        raise ProtocolChangedError("the Pronote page start parameters are not numbers") from err
    version = read_version(text)
    envelope = _envelope(params, version)
    # Neither flags nor version: a legacy page with every feature on omits both flags.
    scheme, encrypt, compress = envelope or (LEGACY, True, True)
    modulus = _hex_int(params.get("MR"))
    exponent = _hex_int(params.get("ER"))
    ent_login = params.get("e")
    ent_secret = params.get("f")
    return Bootstrap(
        session_id=session_id,
        space_number=space_number,
        encrypt=encrypt,
        compress=compress,
        scheme=scheme,
        version=version,
        http=_flag(params, "http") is True,
        rsa_modulus=modulus,
        rsa_exponent=exponent,
        ent_login=str(ent_login) if ent_login else None,
        ent_secret=str(ent_secret) if ent_secret else None,
        scheme_guessed=envelope is None,
    )
