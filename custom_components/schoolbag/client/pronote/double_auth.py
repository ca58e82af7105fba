"""Double authentication after a successful Authentification (Pronote protocol §4.1).

The server lists actions in ``actionsDoubleAuth``. This client can enter an
existing PIN (3) and name this device (3 and 5), which registers it so later
logins from the same browser id / mobile uuid are not asked again. Choosing
a custom password or setting up double authentication needs a browser.
"""

from __future__ import annotations

from typing import Any

from ..errors import ChallengeFailedError, ProtocolChangedError
from ..models import Challenge, ChallengeKind
from .const import (
    ACTION_CHOOSE_STRATEGY,
    ACTION_CREATE_PIN,
    ACTION_CUSTOM_PASSWORD,
    ACTION_ENTER_PIN,
    ACTION_NAME_DEVICE,
    ACTION_RESET_PIN,
    DEVICE_NAME_MAX,
    REQUEST_SAVE_CHOICE,
    REQUEST_VERIFY_PIN,
)
from .errors import AccountActionRequiredError
from .transport import Channel
from .typed_values import parse_domain, text

FUNCTION = "SecurisationCompteDoubleAuth"
PIN_QUESTION = "Code PIN de double authentification du compte PRONOTE (4 chiffres)"
_BROWSER_ONLY = frozenset({ACTION_CHOOSE_STRATEGY, ACTION_CREATE_PIN, ACTION_RESET_PIN})


def pin_challenge() -> Challenge:
    """The question shown to the user."""
    return Challenge(kind=ChallengeKind.PIN, question=PIN_QUESTION)


def required_actions(auth_data: dict[str, Any]) -> frozenset[int]:
    """The actions of ``actionsDoubleAuth``; raise when only a browser can do them."""
    actions = frozenset(parse_domain(auth_data.get("actionsDoubleAuth")))
    if ACTION_CUSTOM_PASSWORD in actions:
        raise AccountActionRequiredError(
            "Pronote asks for a new personal password: log in once on the Pronote website"
        )
    if actions & _BROWSER_ONLY:
        raise AccountActionRequiredError(
            "Pronote asks to set up double authentication: do it once on the Pronote website"
        )
    return actions


def needs_pin(actions: frozenset[int]) -> bool:
    """Whether the user must enter the account PIN."""
    return ACTION_ENTER_PIN in actions


def needs_device_name(actions: frozenset[int]) -> bool:
    """Whether this device must be named (registered)."""
    return bool(actions & {ACTION_ENTER_PIN, ACTION_NAME_DEVICE})


async def verify_pin(channel: Channel, pin: str) -> str:
    """Check the PIN; return it encrypted for the registration call."""
    sealed = channel.key.encrypt_hex(pin.strip())
    reply = await channel.call(FUNCTION, {"action": REQUEST_VERIFY_PIN, "codePin": sealed})
    if reply.data.get("result") is not True:
        raise ChallengeFailedError("Pronote refused the PIN")
    return sealed


async def register_device(channel: Channel, device_name: str, sealed_pin: str | None) -> str | None:
    """Name this device so later logins skip the PIN; return a new mobile token if sent."""
    name = device_name.strip()[:DEVICE_NAME_MAX]
    if not name:
        raise ProtocolChangedError("a device name is needed to register with Pronote")
    data: dict[str, Any] = {
        "action": REQUEST_SAVE_CHOICE,
        "avecIdentification": True,
        "strIdentification": name,
    }
    if sealed_pin is not None:
        data["codePin"] = sealed_pin
    reply = await channel.call(FUNCTION, data)
    return text(reply.data.get("jetonConnexionAppliMobile")) or None
