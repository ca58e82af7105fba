"""``beskeder2.aspx``: folder lists and threads (Lectio protocol §7)."""

from __future__ import annotations

from datetime import datetime, timedelta

from simulator.lectio.fixtures.calendar import WEEKDAY_ABBREVIATIONS, short_date, tooltip_date
from simulator.lectio.fixtures.messages import Message
from simulator.lectio.layout import attr, text
from simulator.lectio.pages.view import View


def last_change(moment: datetime, now: datetime) -> str:
    """``13:45`` today, ``ma 1/9`` within a week, ``1/9-2025`` when older."""
    if moment.date() == now.date():
        return f"{moment:%H:%M}"
    if now - moment < timedelta(days=7):
        return f"{WEEKDAY_ABBREVIATIONS[moment.weekday()]} {short_date(moment.date())}"
    return tooltip_date(moment.date())


def _row(message: Message, now: datetime, index: int) -> str:
    prefix = f"s_m_Content_Content_threadGV_ctl00_ctl{index:02d}"
    recipients = "<br />".join(
        f'<span title="{attr(full)}">{text(initials)}</span>'
        for full, initials in message.recipients
    )
    clip = '<span class="prepend-fonticon-dokumenter"></span>' if message.attachment else ""
    cells = (
        '<input type="checkbox" />',
        '<span class="flag"></span>',
        clip,
        f'<div><span id="{prefix}_ch">{text(message.subject)}</span></div>',
        f'<span title="{attr(message.latest_sender)}">{text(message.latest_sender)}</span>',
        f'<span title="{attr(message.first_sender)}">{text(message.first_sender)}</span>',
        recipients,
        last_change(message.changed, now),
    )
    css = ' class="unread"' if message.unread else ""
    return (
        f"<tr{css} onclick=\"__doPostBack('__Page','$LB2$_MC_$_{message.thread_id}')\">"
        f'<td class="OnlyMobile">{text(message.subject)}</td>'
        + "".join(f'<td class="OnlyDesktop">{cell}</td>' for cell in cells)
        + "</tr>"
    )


def render_list(view: View, folder: str) -> str:
    items = sorted(
        (m for m in view.messages() if m.in_folder(folder)),
        key=lambda m: m.changed,
        reverse=True,
    )
    rows = "".join(_row(m, view.now, n + 2) for n, m in enumerate(items))
    if not rows:
        return '<div class="noRecord">Ingen beskeder at vise...</div>'
    head = (
        '<tr><th class="OnlyMobile"></th>'
        + "".join(
            f'<th class="OnlyDesktop">{name}</th>'
            for name in ("", "", "", "Emne", "Seneste besked", "Første besked", "Til", "Ændret")
        )
        + "</tr>"
    )
    return (
        '<table id="s_m_Content_Content_threadGV_ctl00" class="ls-table-layout1">'
        f"{head}{rows}</table>"
    )


def render_thread(view: View, thread_id: str) -> str | None:
    message = next((m for m in view.messages() if m.thread_id == thread_id), None)
    if message is None:
        return None
    return (
        f'<div class="message-thread-message-sender">{text(message.latest_sender)}, '
        f"{message.changed:%d-%m-%Y %H:%M:%S}</div>"
        '<div class="message-thread-message">'
        f'<div class="message-thread-message-header">{text(message.subject)}</div>'
        f'<div class="message-thread-message-content">{text(message.body)}</div></div>'
    )
