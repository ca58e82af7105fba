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

/**
 * Whether times are shown with AM/PM, as Home Assistant decides it (`useAmPm`): the user's
 * 12 or 24-hour choice, else the habit of their language or of the browser ("system").
 */
export function useAmPm(hass: HomeAssistant): boolean {
  const format = hass.locale?.time_format;
  if (format === "12" || format === "24") {
    return format === "12";
  }
  const testLanguage = format === "system" ? undefined : language(hass);
  return new Date("January 1, 2023 22:00:00").toLocaleString(testLanguage).includes("10");
}

/** A time as Home Assistant formats it: "8:00 AM" or "08:00" (no zero before a 12-hour hour). */
export function formatTime(hass: HomeAssistant, value: string): string {
  return new Intl.DateTimeFormat(language(hass), {
    timeZone: timeZone(hass),
    hour: "numeric",
    minute: "2-digit",
    hourCycle: useAmPm(hass) ? "h12" : "h23",
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
