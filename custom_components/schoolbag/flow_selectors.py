"""Form selectors shared by the config flow steps."""

from __future__ import annotations

from homeassistant.helpers.selector import TextSelector, TextSelectorConfig, TextSelectorType

PASSWORD_SELECTOR = TextSelector(
    TextSelectorConfig(type=TextSelectorType.PASSWORD, autocomplete="current-password")
)
USERNAME_SELECTOR = TextSelector(
    TextSelectorConfig(type=TextSelectorType.TEXT, autocomplete="username")
)
URL_SELECTOR = TextSelector(TextSelectorConfig(type=TextSelectorType.URL))
