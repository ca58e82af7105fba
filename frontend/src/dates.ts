// Days as "YYYY-MM-DD" keys in Home Assistant's time zone, never the test machine's.
import type { HomeAssistant } from "./hass";
import { language } from "./localize";

export function timeZone(hass: HomeAssistant): string {
  if (hass.locale?.time_zone === "local") {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  }
  return hass.config.time_zone;
}

/** The day an instant falls on in a time zone. */
export function dayKey(instant: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

export function addDays(key: string, days: number): string {
  const [year, month, day] = key.split("-").map(Number);
  return new Date(Date.UTC(year!, month! - 1, day! + days)).toISOString().slice(0, 10);
}

/** The day of a date ("2026-12-07") or a date and time with its offset. */
export function dayOf(value: string, zone: string): string {
  return value.length === 10 ? value : dayKey(new Date(value), zone);
}

/** A time in the user's 12 or 24-hour choice (else their language's habit). */
export function formatTime(hass: HomeAssistant, value: string): string {
  const format = hass.locale?.time_format;
  return new Intl.DateTimeFormat(language(hass), {
    timeZone: timeZone(hass),
    hour: "2-digit",
    minute: "2-digit",
    ...(format === "12" || format === "24" ? { hour12: format === "12" } : {}),
  }).format(new Date(value));
}

export function formatDay(hass: HomeAssistant, key: string): string {
  const [year, month, day] = key.split("-").map(Number);
  return new Intl.DateTimeFormat(language(hass), {
    timeZone: "UTC",
    weekday: "long",
    day: "numeric",
    month: "long",
  }).format(new Date(Date.UTC(year!, month! - 1, day!)));
}

export function formatNumber(hass: HomeAssistant, value: number): string {
  return new Intl.NumberFormat(language(hass), { maximumFractionDigits: 2 }).format(value);
}
