"""The Lectio master page around every content area, and HTML escaping helpers."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from simulator.lectio.fixtures.people import MASTER_FOOTER_VALUE, School, Student


def text(value: str) -> str:
    """Escape text for an element body."""
    return escape(value, quote=False)


def attr(value: str) -> str:
    """Escape an attribute value; newlines become ``&#10;`` as on the real site."""
    return escape(value, quote=True).replace("\n", "&#10;")


@dataclass(frozen=True, slots=True)
class Hidden:
    """The hidden WebForms fields a page carries (fresh values on every page load)."""

    viewstate: str
    event_validation: str

    def inputs(self) -> str:
        fields = (
            ("time", "0"),
            ("__EVENTTARGET", ""),
            ("__EVENTARGUMENT", ""),
            ("__LASTFOCUS", ""),
            ("__SCROLLPOSITION", ""),
            ("__VIEWSTATEX", self.viewstate),
            ("__VIEWSTATEY_KEY", ""),
            ("__VIEWSTATE", ""),
            ("__EVENTVALIDATION", self.event_validation),
            ("LectioPostbackId", ""),
        )
        return "".join(
            f'<input type="hidden" name="{name}" id="{name}" value="{attr(value)}" />'
            for name, value in fields
        )


def page(
    *,
    school: School,
    title: str,
    action: str,
    hidden: Hidden,
    content: str,
    student: Student | None = None,
    page_name: str = "",
) -> str:
    """A full page: head, header with the logged-in student, the form and the footer marker."""
    meta = header = ""
    if student is not None:
        meta = (
            '<meta name="msapplication-starturl" '
            f'content="/lectio/{school.id}/forside.aspx?elevid={student.elevid}" />'
        )
        header = (
            f'<div id="s_m_HeaderContent_MainTitle" class="ls-master-pageheader" '
            f'data-lectiocontextcard="S{student.elevid}">'
            f"Eleven {text(student.name + student.name_marker)}, {text(student.class_name)} - "
            f"{text(page_name)}</div>"
        )
        title = (
            f"Eleven {student.name}{student.name_marker}, {student.class_name} - {page_name} - "
            f"Lectio - {school.name}"
        )
    return (
        '\ufeff<!DOCTYPE html>\n<html lang="da"><head><meta charset="utf-8" />'
        f"<title>{text(title)}</title>{meta}</head>\n<body>"
        f'<form method="post" action="{attr(action)}" id="aspnetForm">'
        f'<div class="aspNetHidden">{hidden.inputs()}</div>'
        '<header class="ls-master-header">'
        '<input type="text" name="query" value="" placeholder="Søg" />'
        '<input type="submit" name="m$defaultformbtn" value="" style="display:none" />'
        f'<div class="ls-master-header-institution-name">{text(school.name)}</div>'
        f"{header}</header>\n"
        f'<main id="s_m_outerContentFrameDiv">{content}</main>'
        f'<input type="hidden" name="masterfootervalue" value="{attr(MASTER_FOOTER_VALUE)}" />'
        "</form></body></html>"
    )


def error_page(message: str) -> str:
    """Lectio's generic error page (unknown school, overload)."""
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8" /><title>Fejl - Lectio</title>'
        f'</head><body><div id="m_Content_errorPanel"><h1>{text(message)}</h1>'
        "<p>Prøv igen senere.</p></div></body></html>"
    )


def maintenance_page(message: str) -> str:
    """A maintenance notice: not a Lectio page (no form, no footer)."""
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8" /><title>Lectio</title></head>'
        f'<body><div id="maintenance"><h1>{text(message)}</h1></div></body></html>'
    )


def server_error_page() -> str:
    """The ASP.NET yellow page answered with HTTP 500 for forbidden data."""
    return (
        "<!DOCTYPE html><html><head><title>Runtime Error</title></head><body>"
        "<h1>Server Error in '/' Application.</h1><h2><i>Runtime Error</i></h2></body></html>"
    )
