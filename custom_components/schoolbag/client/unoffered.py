"""Answers for the data kinds a platform does not offer, shared by the clients that lack them."""

from __future__ import annotations

from datetime import date

from .models import Canteen, Information, MenuDay, Wallet


class WithoutCanteenOrNews:
    """No canteen, prepaid wallets, menus or school news: empty answers, no request."""

    async def canteen(self, student_id: str) -> Canteen | None:
        """No canteen regime or reservations."""
        return None

    async def wallets(self) -> list[Wallet]:
        """No prepaid accounts."""
        return []

    async def menus(self, student_id: str, start: date, end: date) -> list[MenuDay]:
        """No canteen menus."""
        return []

    async def information(self, student_id: str) -> list[Information]:
        """No school news or surveys."""
        return []
