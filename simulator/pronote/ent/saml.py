"""SAML 2.0 messages of the HTTP-POST binding (base64 XML, unsigned in this simulation).

Trust that a real deployment gets from signatures is simulated by the
identity provider remembering what it issued (see ``educonnect.py``).
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
import secrets
from xml.etree import ElementTree as ET

PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol"
ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion"
POST_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success"
_NS = {"samlp": PROTOCOL, "saml": ASSERTION}


class SamlError(ValueError):
    """A message that is not a readable SAML message of the expected kind."""


@dataclass(frozen=True)
class AuthnRequest:
    """What a service provider asks: who it is and where to post the answer."""

    request_id: str
    issuer: str
    acs: str


@dataclass(frozen=True)
class SamlResponse:
    """What the identity provider answered."""

    in_response_to: str
    assertion_id: str
    audience: str
    name_id: str
    success: bool


def new_id() -> str:
    return f"_{secrets.token_hex(16)}"


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _encode(xml: str) -> str:
    return base64.b64encode(xml.encode()).decode()


def _decode(message: str) -> ET.Element:
    try:
        return ET.fromstring(base64.b64decode(message, validate=True))
    except (binascii.Error, ET.ParseError) as err:
        raise SamlError("not a base64 SAML message") from err


def authn_request(request_id: str, issuer: str, acs: str, destination: str) -> str:
    """A base64 ``AuthnRequest`` asking for an answer posted to ``acs``."""
    return _encode(
        f'<samlp:AuthnRequest xmlns:samlp="{PROTOCOL}" xmlns:saml="{ASSERTION}" '
        f'ID="{request_id}" Version="2.0" IssueInstant="{_now()}" '
        f'Destination="{escape(destination)}" AssertionConsumerServiceURL="{escape(acs)}" '
        f'ProtocolBinding="{POST_BINDING}"><saml:Issuer>{escape(issuer)}</saml:Issuer>'
        '<samlp:NameIDPolicy AllowCreate="true"/></samlp:AuthnRequest>'
    )


def read_authn_request(message: str) -> AuthnRequest:
    root = _decode(message)
    issuer = root.find("saml:Issuer", _NS)
    if root.tag != f"{{{PROTOCOL}}}AuthnRequest" or issuer is None:
        raise SamlError("not an AuthnRequest")
    return AuthnRequest(
        root.get("ID", ""), (issuer.text or "").strip(), root.get("AssertionConsumerServiceURL", "")
    )


def response(request: AuthnRequest, idp: str, name_id: str, assertion_id: str) -> str:
    """A base64 successful ``Response`` for ``request`` naming the user."""
    return _encode(
        f'<samlp:Response xmlns:samlp="{PROTOCOL}" xmlns:saml="{ASSERTION}" ID="{new_id()}" '
        f'InResponseTo="{request.request_id}" Version="2.0" IssueInstant="{_now()}" '
        f'Destination="{escape(request.acs)}"><saml:Issuer>{escape(idp)}</saml:Issuer>'
        f'<samlp:Status><samlp:StatusCode Value="{SUCCESS}"/></samlp:Status>'
        f'<saml:Assertion ID="{assertion_id}" Version="2.0" IssueInstant="{_now()}">'
        f"<saml:Issuer>{escape(idp)}</saml:Issuer>"
        f"<saml:Subject><saml:NameID>{escape(name_id)}</saml:NameID></saml:Subject>"
        "<saml:Conditions><saml:AudienceRestriction>"
        f"<saml:Audience>{escape(request.issuer)}</saml:Audience>"
        "</saml:AudienceRestriction></saml:Conditions></saml:Assertion></samlp:Response>"
    )


def read_response(message: str) -> SamlResponse:
    root = _decode(message)
    status = root.find("samlp:Status/samlp:StatusCode", _NS)
    assertion = root.find("saml:Assertion", _NS)
    if root.tag != f"{{{PROTOCOL}}}Response" or status is None or assertion is None:
        raise SamlError("not a Response")
    audience = assertion.findtext("saml:Conditions/saml:AudienceRestriction/saml:Audience", "", _NS)
    return SamlResponse(
        in_response_to=root.get("InResponseTo", ""),
        assertion_id=assertion.get("ID", ""),
        audience=audience.strip(),
        name_id=assertion.findtext("saml:Subject/saml:NameID", "", _NS).strip(),
        success=status.get("Value") == SUCCESS,
    )
