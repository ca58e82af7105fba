"""``forside.aspx``: unread-message counter, latest messages and the homework block."""

from __future__ import annotations

from simulator.lectio.fixtures.calendar import tooltip_date
from simulator.lectio.layout import attr, text
from simulator.lectio.pages.homework import upcoming
from simulator.lectio.pages.view import View


def render(view: View) -> str:
    messages = [m for m in view.messages() if not m.deleted]
    unread = sum(1 for m in messages if m.unread)
    latest = "".join(f"<li>{text(m.subject)}</li>" for m in messages[:3])
    homework = "".join(
        f'<tr><td><a href="{attr(view.url("material_lektieoversigt.aspx"))}">'
        f"{text(b.teams[0].name if b.teams else '')}: {text(b.title or 'Lektier')}</a></td>"
        f'<td class="timeCol" title="{tooltip_date(b.day)}">{tooltip_date(b.day)}</td></tr>'
        for b in upcoming(view)[:5]
    )
    return (
        '<div id="s_m_Content_Content_kommIsland_pa" class="ls-dashboard-island">'
        f'<a href="beskeder2.aspx">Beskeder <span class="dashboardLinkHeaderInfoText">'
        f"{unread} ulæste</span></a>"
        f'<div id="s_m_Content_Content_BeskederInfo"><ul>{latest}</ul></div></div>'
        f'<div id="s_m_Content_Content_LektierDashBoardBlock"><table>{homework}</table></div>'
    )
