"""The ENT login: from the space page, step through the ENT's pages back to Pronote.

See Pronote protocol §8.

Each page reached is recognised (``recognise.py``) and answered with one
step: post a SAML auto-post form, fill a family's login form, follow an
EduConnect button, pick EduConnect on a discovery page. The walk is bounded;
it ends on the Pronote space page whose bootstrap carries the ENT login
(``e``) and one-shot secret (``f``), or with a typed error. Only host names
and step names are logged.

A page the engine does not know is an ENT it does not support, unless a known ENT
page (a family's login form, EduConnect) came before it: then the ENT changed
(ProtocolChangedError naming the page's title). Only the Pronote server itself can
suspend an IP address: a suspension notice on an ENT's page is not read as one
(hass-pronote #172 took an EduConnect intermediate page for a ban).
"""

from __future__ import annotations

from asyncio import to_thread
import logging
from urllib.parse import urlsplit

from ...errors import InvalidCredentialsError, IpSuspendedError, ProtocolChangedError
from ...html_text import html_title
from ...http import Answer
from ..bootstrap import page_problem
from ..errors import EntNotSupportedError
from ..http_client import Http, check_status
from . import steps
from .filling import action_url, credentials_payload, get_url, submitted_fields
from .html_forms import Form
from .recognise import recognise

_LOGGER = logging.getLogger(__name__)

MAX_STEPS = 12
_LOGIN_PATH_END = "/auth/login"


def _host(url: str) -> str:
    return urlsplit(url).hostname or "?"


def not_supported(name: str) -> EntNotSupportedError:
    """The error for an ENT (or a page of it) this client cannot get through."""
    return EntNotSupportedError(f"this ENT is not supported yet: {name}")


class EntLogin:
    """One walk through an ENT for one space page. Never holds more than it needs."""

    def __init__(self, http: Http, space_url: str, username: str, password: str) -> None:
        self._http = http
        self._space_url = space_url
        self._username = username
        self._password = password
        self._posted: set[steps.Family] = set()
        self._reloaded = False
        # Whether a page of a known ENT (its login form, EduConnect) was answered already.
        self._walked = False
        # A page offering EduConnect and its own form: its form is the fallback.
        self._fallback: str | None = None
        self._avoid_educonnect = False

    def __repr__(self) -> str:
        """No credentials."""
        return f"EntLogin(host={_host(self._space_url)}, posted={sorted(self._posted)})"

    async def run(self) -> Answer:
        """Walk to the Pronote space page; raise InvalidCredentialsError or NotSupportedError."""
        page = await self._http.get(self._space_url)
        for _ in range(MAX_STEPS):
            check_status(page.status, page.headers)
            # Parsed in a worker thread: an ENT's page can hold the event loop for a while.
            step = await to_thread(
                recognise, page.url, page.text, avoid_educonnect=self._avoid_educonnect
            )
            if isinstance(step, steps.Arrived):
                return page
            _LOGGER.debug("ENT step on %s: %s", _host(page.url), steps.step_name(step))
            page = await self._take(step, page)
        raise not_supported(f"{_host(page.url)} (too many steps)")

    async def _take(self, step: steps.Step, page: Answer) -> Answer:
        if isinstance(step, steps.Unsupported):
            raise not_supported(step.name)
        if isinstance(step, steps.ServiceRefused):
            raise EntNotSupportedError(f"the ENT refuses this Pronote address: {step.reason}")
        if isinstance(step, (steps.Unknown, steps.Arrived)):
            return await self._unknown(page)
        if isinstance(step, steps.AutoPost):
            # Generic SAML plumbing: it does not tell which ENT this is.
            return await self._submit(page.url, step.form, submitted_fields(step.form))
        self._walked = True
        if isinstance(step, steps.FillLogin):
            return await self._log_in(step, page)
        if isinstance(step, steps.FollowEduConnect):
            if step.local_login and self._fallback is None:
                self._fallback = page.url
            return await self._http.get(step.url)
        values = submitted_fields(step.form)
        values[step.field] = step.value
        return await self._submit(page.url, step.form, values)

    async def _log_in(self, step: steps.FillLogin, page: Answer) -> Answer:
        host = _host(page.url)
        if step.family in self._posted:
            if self._reloaded:
                # Accepted before, asked again once back at Pronote: the login does not stick.
                raise not_supported(f"{host} (the ENT login does not lead back to Pronote)")
            # The login form came back: the credentials were refused.
            if step.family is steps.Family.EDUCONNECT and self._fallback is not None:
                _LOGGER.debug("EduConnect refused the login; trying the ENT's own form")
                fallback, self._fallback = self._fallback, None
                self._avoid_educonnect = True
                return await self._http.get(fallback)
            raise InvalidCredentialsError(f"the ENT ({host}) refused the username or password")
        self._posted.add(step.family)
        values = credentials_payload(step.family, step.form, self._username, self._password)
        result = await self._submit(page.url, step.form, values)
        if step.family is steps.Family.OPEN_ENT_NG and _back_on_login(result.url):
            raise InvalidCredentialsError(f"the ENT ({host}) refused the username or password")
        return result

    async def _submit(self, page_url: str, form: Form, values: dict[str, str]) -> Answer:
        action = action_url(page_url, form)
        if form.method == "get":
            return await self._http.get(get_url(action, values))
        return await self._http.post_form(action, values)

    async def _unknown(self, page: Answer) -> Answer:
        problem = page_problem(page.text)
        if problem is not None and not (
            isinstance(problem, IpSuspendedError) and not _same_server(page.url, self._space_url)
        ):
            raise problem
        if self._posted and not self._reloaded:
            # Logged in on the ENT, left on its portal: the ENT now vouches for us.
            _LOGGER.debug("Logged in on the ENT; opening the Pronote page again")
            self._reloaded = True
            return await self._http.get(self._space_url)
        if self._walked:
            title = html_title(page.text) or "untitled"
            raise ProtocolChangedError(
                f"the ENT showed a page this client does not know: {title!r} ({_host(page.url)})"
            )
        raise not_supported(_host(page.url))


def _same_server(url: str, other: str) -> bool:
    return urlsplit(url).netloc.lower() == urlsplit(other).netloc.lower()


def _back_on_login(url: str) -> bool:
    return urlsplit(url).path.rstrip("/").lower().endswith(_LOGIN_PATH_END)


async def open_through_ent(http: Http, space_url: str, username: str, password: str) -> Answer:
    """Log in on the ENT in front of ``space_url``; return the Pronote space page."""
    return await EntLogin(http, space_url, username, password).run()
