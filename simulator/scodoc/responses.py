"""ScoDoc's answers: JSON errors, the HTML 500 page, placeholders for binaries.

See ScoDoc protocol §3 for the errors.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

TOKEN_REFUSED_MESSAGE = "Non autorise (logic)"
# The smallest valid PDF and JPEG we can serve for the binary routes.
TINY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
PLACEHOLDER_JPEG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffd9")
STUDENT_JPEG = bytes.fromhex("ffd8ffe000104a46494600010101004800480000ffd9")


def ok(data: Any) -> web.Response:
    return web.json_response(data)


def api_error(status: int, error: str, message: str | None = None) -> web.Response:
    body: dict[str, Any] = {"error": error}
    if message is not None:
        body["message"] = message
        body["status"] = status
    return web.json_response(body, status=status)


def token_refused() -> web.Response:
    """Missing, unknown or expired token."""
    return api_error(401, "Unauthorized", TOKEN_REFUSED_MESSAGE)


def basic_refused() -> web.Response:
    """Bad Basic credentials on ``/tokens``: no ``message``, no ``token``."""
    return web.json_response({"error": "Unauthorized"}, status=401)


def forbidden(department: str | None) -> web.Response:
    where = f"le département {department}" if department else "tous les départements"
    return api_error(403, "Forbidden", f"Permission ScoView requise sur {where}")


def not_found(message: str) -> web.Response:
    return api_error(404, "Not Found", message)


def bad_request(message: str) -> web.Response:
    return api_error(400, "Bad Request", message)


def html_error(status: int) -> web.Response:
    """Server faults come back as HTML pages, never JSON."""
    page = (
        "<!DOCTYPE html><html><head><title>ScoDoc: erreur</title></head><body>"
        f"<h1>Erreur {status}</h1><p>Une erreur est survenue.</p></body></html>"
    )
    return web.Response(text=page, status=status, content_type="text/html", charset="utf-8")


def binary(data: bytes, content_type: str) -> web.Response:
    return web.Response(body=data, content_type=content_type)


def truncated(response: web.Response) -> web.Response:
    """The same answer cut in the middle, as a dropped connection leaves it."""
    body = response.body if isinstance(response.body, bytes) else b""
    return web.Response(
        body=body[: len(body) // 2], status=response.status, content_type=response.content_type
    )


def login_form() -> web.Response:
    """ScoDoc's web login page (Flask-WTF form), served with status 200."""
    page = (
        "<!DOCTYPE html><html><head><title>ScoDoc: connexion</title></head><body>"
        '<form action="/ScoDoc/auth/login" method="post">'
        '<input id="user_name" name="user_name" type="text" value="">'
        '<input id="password" name="password" type="password" value="">'
        '<input id="submit" name="submit" type="submit" value="Suivant">'
        "</form></body></html>"
    )
    return web.Response(text=page, content_type="text/html", charset="utf-8")
