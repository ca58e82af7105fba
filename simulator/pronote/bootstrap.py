"""The HTML of a space page with its ``Start ({...})`` bootstrap, and the error pages.

See Pronote protocol §1.3.

Rules (Pronote protocol §10.1): no comma or colon inside values, no ``}`` inside the braces, and
never the two upper-case letters ``I`` ``P`` side by side anywhere in a normal page (pronotepy
2.15.7 then believes the address is suspended). ``http``, ``MR`` and ``ER`` are never sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

ONLOAD = "onload"  # historical layout: Start in <body onload="...">
SCRIPT = "script"  # PRONOTE 2026.2.4+: Start in an inline <script>
LAYOUTS = (SCRIPT, ONLOAD)


@dataclass(frozen=True)
class StartParams:
    """Values of the bootstrap object literal."""

    h: str
    a: int
    legacy_flags: bool  # sCrA/sCoA (skip flags) instead of CrA/CoA
    encrypt: bool
    compress: bool
    ent_login: str = ""
    ent_secret: str = ""

    def literal(self) -> str:
        parts = [f"h:'{self.h}'", f"a:{self.a}", "d:false"]
        if self.legacy_flags:
            if not self.encrypt:
                parts.append("sCrA:true")
            if not self.compress:
                parts.append("sCoA:true")
        else:
            if self.encrypt:
                parts.append("CrA:true")
            if self.compress:
                parts.append("CoA:true")
        if self.ent_login:
            parts.append(f"e:'{self.ent_login}'")
            parts.append(f"f:'{self.ent_secret}'")
        return "{" + ",".join(parts) + "}"


def space_page(params: StartParams, *, layout: str, school: str, title: str, version: str) -> str:
    """The space page; ``version`` is shown as ``PRONOTE x.y.z.b`` for version detection."""
    start = f"try {{ Start ({params.literal()}) }} catch (e) {{ messageErreur (e) }} "
    heading = f"{escape(school)} - {escape(title)}"
    if layout == ONLOAD:
        body_open = f'<body id="id_body" onload="{start}" class="EspaceIndex">'
        inline = ""
    else:
        body_open = '<body id="id_body" class="EspaceIndex">'
        inline = f"<script>{start}</script>\n"
    page = (
        "<!DOCTYPE html>\n"
        '<html lang="fr">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>PRONOTE - {heading}</title>\n"
        "</head>\n"
        f"{body_open}\n"
        '<div id="id_chargement">Chargement en cours…</div>\n'
        f'<div class="bandeau">{heading}</div>\n'
        f"{inline}"
        f'<div class="footer"><span class="version">PRONOTE {escape(version)}</span>'
        " © Index Éducation</div>\n"
        "<noscript>Activez JavaScript dans votre navigateur.</noscript>\n"
        "</body>\n"
        "</html>\n"
    )
    if "IP" in page:  # pragma: no cover - guarded by tests
        raise ValueError("a space page must never contain 'IP'")
    return page


ERROR_TEXTS = {
    "ip_suspended": (
        "Accès suspendu",
        "Votre adresse IP est provisoirement suspendue suite à un trop grand nombre de "
        "demandes. Veuillez réessayer ultérieurement.",
    ),
    "site_closed": (
        "Site fermé",
        "Le site n'est pas disponible pour le moment (fermeture pendant les vacances).",
    ),
    "site_busy": (
        "Site indisponible",
        "Le site est momentanément indisponible. Veuillez réessayer dans quelques instants.",
    ),
    "maintenance": (
        "Maintenance",
        "PRONOTE est en cours de mise à jour. Merci de votre patience.",
    ),
}


def error_page(kind: str) -> str:
    """The HTML page of ``ip_suspended``, ``site_closed`` or ``site_busy``."""
    title, text = ERROR_TEXTS[kind]
    return (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        f"<title>PRONOTE - {escape(title)}</title>\n</head>\n"
        f'<body><div class="message">{escape(text)}</div></body>\n</html>\n'
    )


def index_page(links: list[tuple[str, str]], school: str) -> str:
    """The root page listing the spaces."""
    items = "".join(f'<li><a href="{href}">{escape(label)}</a></li>' for href, label in links)
    return (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        f"<title>PRONOTE - {escape(school)}</title>\n</head>\n"
        f"<body><h1>{escape(school)}</h1><ul>{items}</ul></body>\n</html>\n"
    )
