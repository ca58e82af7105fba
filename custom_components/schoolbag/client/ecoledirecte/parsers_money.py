"""Parse canteen modules and ``comptes/sansdetails.awp`` wallets."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models import Canteen, CanteenReservation, Meal, Wallet
from ..values import as_dict, as_dicts, flag, identifier, integer, number, optional_text, text
from .payloads import require_keys

RESERVATIONS_MODULE = "RESERVATIONS"
BADGE_MODULE = "CANTINE_BARCODE"
_MEAL_KEYS = ((Meal.LUNCH, "repasmidi_"), (Meal.DINNER, "repassoir_"))
_DAYS_IN_WEEK = 7


def _enabled(module: Mapping[str, Any] | None) -> bool:
    return module is not None and flag(module.get("enable"))


def parse_canteen(modules: Mapping[str, Mapping[str, Any]]) -> Canteen | None:
    """Build the canteen from a student's modules; None when the school has no canteen module."""
    reservations_module = modules.get(RESERVATIONS_MODULE)
    badge_module = modules.get(BADGE_MODULE)
    if not _enabled(reservations_module) and not _enabled(badge_module):
        return None
    reservations: list[CanteenReservation] = []
    regime: str | None = None
    if reservations_module is not None and _enabled(reservations_module):
        params = as_dict(reservations_module.get("params"))
        regime = optional_text(params.get("regime"))
        for weekday in range(1, _DAYS_IN_WEEK + 1):
            for meal, prefix in _MEAL_KEYS:
                key = f"{prefix}{weekday}"
                if key in params:
                    reservations.append(
                        CanteenReservation(weekday=weekday, meal=meal, booked=flag(params[key]))
                    )
    badge: str | None = None
    if badge_module is not None and _enabled(badge_module):
        badge = optional_text(as_dict(badge_module.get("params")).get("numeroBadge"))
    return Canteen(regime=regime, badge=badge, reservations=tuple(reservations))


def parse_wallets(data: object) -> list[Wallet]:
    """Build wallets from ``comptes/sansdetails.awp`` data."""
    wallets: list[Wallet] = []
    for item in as_dicts(require_keys(data, "wallets", "comptes").get("comptes")):
        wallet_id = identifier(item.get("id"))
        balance = number(item.get("solde"))
        if wallet_id is None or balance is None:
            continue
        student = integer(item.get("idEleve"))
        wallets.append(
            Wallet(
                id=wallet_id,
                label=text(item.get("libelle"))
                or text(item.get("libelleCompte"))
                or text(item.get("codeCompte"))
                or wallet_id,
                balance=balance,
                student_id=str(student) if student else None,
            )
        )
    return wallets
