"""HTML and responses shared by the simulated ENTs."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from aiohttp import web


def redirect(location: str) -> web.Response:
    return web.Response(status=302, headers={"Location": location})


def html(text: str, status: int = 200) -> web.Response:
    return web.Response(text=text, status=status, content_type="text/html", charset="utf-8")


def document(title: str, body: str, *, onload: str = "", head: str = "") -> str:
    """A whole page (never the two-letter uppercase word pronotepy takes for a ban).

    See Pronote protocol §1.3.
    """
    body_tag = f'<body onload="{escape(onload)}">' if onload else "<body>"
    return (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n{head}</head>\n{body_tag}\n{body}\n</body>\n</html>\n"
    )


def hidden(name: str, value: str) -> str:
    return f'<input type="hidden" name="{escape(name)}" value="{escape(value)}"/>'


def auto_post_page(action: str, fields: dict[str, str]) -> str:
    """The SAML HTTP-POST binding page: posted by a script on load, or by hand without one."""
    inputs = "\n".join(hidden(name, value) for name, value in fields.items())
    body = (
        "<noscript><p><strong>Note :</strong> votre navigateur ne prend pas en charge "
        "JavaScript, cliquez sur Continuer.</p></noscript>\n"
        f'<form action="{escape(action)}" method="post">\n<div>\n{inputs}\n</div>\n'
        '<noscript><div><input type="submit" value="Continuer"/></div></noscript>\n</form>'
    )
    return document("Redirection", body, onload="document.forms[0].submit()")


def with_query(path: str, **params: str) -> str:
    """``path?a=...&b=...`` with every value percent-encoded."""
    query = "&".join(f"{name}={quote(value, safe='')}" for name, value in params.items())
    return f"{path}{'&' if '?' in path else '?'}{query}" if query else path
