// A student is a device of the schoolbag integration; its entities are told apart by
// their translation key (the same in every language) and their domain.
import type { HomeAssistant } from "./hass";

export const PLATFORM = "schoolbag";

export interface StudentChoice {
  deviceId: string;
  name: string;
}

export function deviceName(hass: HomeAssistant, deviceId: string): string {
  const device = hass.devices[deviceId];
  return device?.name_by_user || device?.name || deviceId;
}

/** The students that have Schoolbag entities, by name. */
export function students(hass: HomeAssistant): StudentChoice[] {
  const ids = new Set<string>();
  for (const entry of Object.values(hass.entities)) {
    if (entry.platform === PLATFORM && entry.device_id && hass.devices[entry.device_id]) {
      ids.add(entry.device_id);
    }
  }
  return [...ids]
    .map((deviceId) => ({ deviceId, name: deviceName(hass, deviceId) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The student's entities of a domain with a translation key, by entity id. */
export function studentEntities(
  hass: HomeAssistant,
  deviceId: string,
  domain: string,
  translationKey: string,
): string[] {
  return Object.values(hass.entities)
    .filter(
      (entry) =>
        entry.platform === PLATFORM &&
        entry.device_id === deviceId &&
        entry.translation_key === translationKey &&
        entry.entity_id.startsWith(`${domain}.`),
    )
    .map((entry) => entry.entity_id)
    .sort();
}

export function studentEntity(
  hass: HomeAssistant,
  deviceId: string,
  domain: string,
  translationKey: string,
): string | undefined {
  return studentEntities(hass, deviceId, domain, translationKey)[0];
}

/** An entity's name without the student's name in front of it. */
export function shortName(hass: HomeAssistant, entityId: string, deviceId: string): string {
  const full = String(hass.states[entityId]?.attributes["friendly_name"] ?? entityId);
  const prefix = `${deviceName(hass, deviceId)} `;
  return full.startsWith(prefix) ? full.slice(prefix.length) : full;
}
