"""Sensors of what the school sends: unread information and unread messages."""

from __future__ import annotations

from homeassistant.components.sensor import SensorStateClass

from .sensor_description import SchoolbagSensorDescription

MESSAGE_SENSORS: tuple[SchoolbagSensorDescription, ...] = (
    SchoolbagSensorDescription(
        key="unread_information",
        translation_key="unread_information",
        state_class=SensorStateClass.MEASUREMENT,
        exists_fn=lambda data: data.information is not None,
        value_fn=lambda data, now: sum(1 for item in data.information or () if not item.read),
        attributes_fn=lambda data, now: {
            "unread": [
                {"title": item.title, "author": item.author, "survey": item.survey}
                for item in data.information or ()
                if not item.read
            ]
        },
    ),
    SchoolbagSensorDescription(
        key="unread_messages",
        translation_key="unread_messages",
        state_class=SensorStateClass.MEASUREMENT,
        exists_fn=lambda data: data.mailbox is not None,
        value_fn=lambda data, now: data.mailbox.unread if data.mailbox else None,
    ),
)
