"""Wallet sensors: the balance of each prepaid account (canteen, activities)."""

from __future__ import annotations

from homeassistant.components.sensor import SensorDeviceClass, SensorEntity

from .client.models import Wallet
from .coordinator import SchoolbagCoordinator
from .data import StudentData
from .entity import SchoolbagEntity


class WalletSensor(SchoolbagEntity, SensorEntity):
    """Balance of a prepaid account (canteen, activities)."""

    _attr_translation_key = "wallet_balance"
    _attr_device_class = SensorDeviceClass.MONETARY
    _attr_suggested_display_precision = 2

    def __init__(
        self, coordinator: SchoolbagCoordinator, data: StudentData, wallet: Wallet
    ) -> None:
        """Bind the wallet to the student's device."""
        super().__init__(coordinator, data.student, f"wallet_{wallet.id}")
        self.wallet_id = wallet.id
        self._attr_translation_placeholders = {"wallet": wallet.label}
        self._attr_native_unit_of_measurement = wallet.currency

    def _wallet(self) -> Wallet | None:
        wallets = self.student_data.wallets if self.student_data else ()
        return next((w for w in wallets if w.id == self.wallet_id), None)

    @property
    def available(self) -> bool:
        """Unavailable once the wallet disappears."""
        return super().available and self._wallet() is not None

    @property
    def native_value(self) -> float | None:
        """The balance."""
        wallet = self._wallet()
        return wallet.balance if wallet else None
