"""Following redirects by hand, so that the cookies set on every hop are kept.

aiohttp's own following would hide those cookies from the client's store and would
carry on to any host; here the caller may stop before a hop (another site, a login page).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from ..errors import ProtocolChangedError
from .answer import Answer
from .sender import Body, Sender

MAX_REDIRECTS = 10
# The method (and body) survive these; the other redirects turn into a GET.
_METHOD_KEEPING = frozenset({307, 308})


def _follow_all(_: str) -> bool:
    return False


async def follow_redirects(
    sender: Sender,
    method: str,
    url: str,
    *,
    data: Body | None = None,
    headers: Mapping[str, str],
    referer: str | None = None,
    stop: Callable[[str], bool] = _follow_all,
) -> Answer:
    """Send a request and follow its redirects until an answer that is not one.

    ``referer`` goes with the first request only. When ``stop(target)`` is true the
    redirect to ``target`` is returned unfollowed (see ``Answer.redirect_target``).
    """
    hop_headers = {**headers, "Referer": referer} if referer else dict(headers)
    current = url
    for hops in range(MAX_REDIRECTS):
        answer = await sender.send(method, current, data=data, headers=hop_headers)
        target = answer.redirect_target
        if target is None or stop(target):
            return replace(answer, redirects=hops)
        current, hop_headers = target, dict(headers)
        if answer.status not in _METHOD_KEEPING:
            method, data = "GET", None
    raise ProtocolChangedError(f"too many redirects while opening a {sender.server} page")
