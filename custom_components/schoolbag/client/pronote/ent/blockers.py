"""Pages a script cannot get through, and the errors of Index Education's EduConnect hub.

Recognised from the page itself (Pronote protocol §1.3, 8.2): the anti-robot proof of work
(``onload="go()"`` and a ``KEY`` cookie), CAPTCHA widgets, one-time-code (MFA)
forms, and FranceConnect (parents' alternative to EduConnect).
"""

from __future__ import annotations

import html
import re

from .html_forms import HtmlPage

_CAPTCHA = re.compile(r"g-recaptcha|h-captcha|hcaptcha|cf-turnstile|\bcaptcha", re.IGNORECASE)
_ONE_TIME_CODE = frozenset({"otp", "totp", "otpcode", "code_otp", "mfa_code", "one_time_code"})
_KEY_COOKIE = re.compile(r"""document\.cookie\s*=\s*["']KEY=""")
_HUB_ERRORS = (
    ("url de service est vide", "the Pronote address was not given to the hub"),
    ("n'est pas une url de confiance", "the hub does not trust this Pronote address"),
)


def antibot(page: HtmlPage) -> bool:
    """A JavaScript proof-of-work page standing in front of the real one."""
    onload = page.onload.replace(" ", "").lower()
    return onload.startswith("go()") or bool(_KEY_COOKIE.search(page.scripts))


def captcha(page: HtmlPage) -> bool:
    """A CAPTCHA widget (reCAPTCHA, hCaptcha, Turnstile or a home-made one)."""
    return bool(_CAPTCHA.search(page.markers))


def one_time_code(page: HtmlPage) -> bool:
    """A form asking for a code sent elsewhere (TOTP, SMS): double authentication."""
    for form in page.forms:
        names = {name.lower() for name in form.fields if name not in form.hidden}
        if "kc-otp-login-form" in form.form_id or names & _ONE_TIME_CODE:
            return True
    return False


def franceconnect(host: str) -> bool:
    """FranceConnect's own pages (not the button EduConnect shows parents)."""
    return "franceconnect" in host.lower()


def blocker(page: HtmlPage, host: str) -> str | None:
    """The name of what blocks a script on this page, if anything."""
    if franceconnect(host):
        return f"FranceConnect ({host})"
    if antibot(page):
        return f"anti-robot check ({host})"
    if captcha(page):
        return f"CAPTCHA ({host})"
    if one_time_code(page):
        return f"double authentication code ({host})"
    return None


def hub_error(text: str) -> str | None:
    """Why Index Education's EduConnect hub refuses the Pronote address, if it does."""
    lowered = html.unescape(text).replace("\u2019", "'").casefold()
    for fragment, reason in _HUB_ERRORS:
        if fragment in lowered:
            return reason
    return None
