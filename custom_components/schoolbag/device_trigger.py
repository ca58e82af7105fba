"""Device triggers: each event type of a student's school news event entity.

A trigger fires when the student's event entity records a new event of its type.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from homeassistant.components.device_automation import DEVICE_TRIGGER_BASE_SCHEMA
from homeassistant.components.event import ATTR_EVENT_TYPE, ATTR_EVENT_TYPES
from homeassistant.const import (
    CONF_DEVICE_ID,
    CONF_DOMAIN,
    CONF_ENTITY_ID,
    CONF_PLATFORM,
    CONF_TYPE,
    STATE_UNAVAILABLE,
    STATE_UNKNOWN,
)
from homeassistant.core import (
    CALLBACK_TYPE,
    Event,
    EventStateChangedData,
    HassJob,
    HomeAssistant,
    callback,
)
from homeassistant.helpers import config_validation as cv, entity_registry as er
from homeassistant.helpers.event import async_track_state_change_event
from homeassistant.helpers.trigger import TriggerActionType, TriggerInfo
from homeassistant.helpers.typing import ConfigType
from homeassistant.util import dt as dt_util
import voluptuous as vol

from .const import DOMAIN
from .event_news import EVENT_CAPABILITIES

TRIGGER_TYPES = tuple(EVENT_CAPABILITIES)

TRIGGER_SCHEMA = DEVICE_TRIGGER_BASE_SCHEMA.extend(
    {
        vol.Required(CONF_ENTITY_ID): cv.entity_id_or_uuid,
        vol.Required(CONF_TYPE): vol.In(TRIGGER_TYPES),
    }
)

# An event recorded before the trigger was attached (restored at a restart) is old news.
_CLOCK_SLACK = timedelta(seconds=1)


def _news_entities(hass: HomeAssistant, device_id: str) -> list[er.RegistryEntry]:
    """The device's school news event entity (one per student device)."""
    return [
        entry
        for entry in er.async_entries_for_device(er.async_get(hass), device_id)
        if entry.platform == DOMAIN and entry.domain == "event"
    ]


async def async_get_triggers(hass: HomeAssistant, device_id: str) -> list[dict[str, Any]]:
    """The event types the device's event entity can fire, as triggers."""
    return [
        {
            CONF_PLATFORM: "device",
            CONF_DEVICE_ID: device_id,
            CONF_DOMAIN: DOMAIN,
            CONF_ENTITY_ID: entry.id,
            CONF_TYPE: event_type,
        }
        for entry in _news_entities(hass, device_id)
        for event_type in (entry.capabilities or {}).get(ATTR_EVENT_TYPES, ())
        if event_type in TRIGGER_TYPES
    ]


async def async_attach_trigger(
    hass: HomeAssistant,
    config: ConfigType,
    action: TriggerActionType,
    trigger_info: TriggerInfo,
) -> CALLBACK_TYPE:
    """Run ``action`` each time the event entity records an event of the trigger's type."""
    entity_id = er.async_resolve_entity_id(er.async_get(hass), config[CONF_ENTITY_ID])
    if entity_id is None:
        raise vol.Invalid(f"Unknown entity {config[CONF_ENTITY_ID]}")
    event_type: str = config[CONF_TYPE]
    job = HassJob(action, f"schoolbag device trigger {trigger_info}")
    attached = dt_util.utcnow() - _CLOCK_SLACK
    current = hass.states.get(entity_id)
    # The last event seen: availability changes re-write it without a new event.
    last: list[Any] = [(current.state, dict(current.attributes)) if current else None]

    @callback
    def _state_changed(event: Event[EventStateChangedData]) -> None:
        new_state = event.data["new_state"]
        if new_state is None or new_state.state in (STATE_UNAVAILABLE, STATE_UNKNOWN):
            return
        seen = (new_state.state, dict(new_state.attributes))
        if seen == last[0]:
            return
        last[0] = seen
        fired_at = dt_util.parse_datetime(new_state.state)
        if fired_at is None or fired_at < attached:
            return
        if new_state.attributes.get(ATTR_EVENT_TYPE) != event_type:
            return
        hass.async_run_hass_job(
            job,
            {
                "trigger": {
                    **trigger_info["trigger_data"],
                    CONF_PLATFORM: "device",
                    CONF_DOMAIN: DOMAIN,
                    CONF_DEVICE_ID: config[CONF_DEVICE_ID],
                    CONF_ENTITY_ID: entity_id,
                    CONF_TYPE: event_type,
                    "from_state": event.data["old_state"],
                    "to_state": new_state,
                    "event": dict(new_state.attributes),
                    "description": f"{event_type} on {entity_id}",
                }
            },
            event.context,
        )

    return async_track_state_change_event(hass, entity_id, _state_changed)
