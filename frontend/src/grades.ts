// The latest grades and the averages, read from the grade sensors' states and attributes.
import type { HassEntity, HomeAssistant } from "./hass";
import { localize } from "./localize";
import { shortName, studentEntities, studentEntity } from "./students";

export interface LatestGrade {
  subject: string;
  title: string;
  date: string;
  value: number | null;
  outOf: number | null;
  mark: string | null;
  raw: string;
  coefficient: number | null;
  classAverage: number | null;
}

export interface AverageRow {
  entityId: string;
  name: string;
  value: number | null;
  outOf: number | null;
  classAverage: number | null;
}

function num(value: unknown): number | null {
  const parsed = typeof value === "number" ? value : Number.parseFloat(String(value));
  return Number.isFinite(parsed) ? parsed : null;
}

function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

/** The `latest_grade` sensor: value in its state, the rest in attributes (`grade_dict`). */
export function latestGrade(stateObj: HassEntity | undefined): LatestGrade | null {
  const a = stateObj?.attributes;
  if (!stateObj || !a || a["subject"] === undefined) {
    return null;
  }
  return {
    subject: text(a["subject"]),
    title: text(a["title"]),
    date: text(a["date"]),
    value: num(a["value"] ?? stateObj.state),
    outOf: num(a["out_of"]),
    mark: a["mark"] ? text(a["mark"]) : null,
    raw: text(a["raw"]),
    coefficient: num(a["coefficient"]),
    classAverage: num(a["class_average"]),
  };
}

/** A grade of the `recent` attribute, or null when it is not a grade at all. */
function recentGrade(item: unknown): LatestGrade | null {
  if (!item || typeof item !== "object") {
    return null;
  }
  const a = item as Record<string, unknown>;
  return {
    subject: text(a["subject"]),
    title: text(a["title"]),
    date: text(a["date"]),
    value: num(a["value"]),
    outOf: num(a["out_of"]),
    mark: a["mark"] ? text(a["mark"]) : null,
    raw: "",
    coefficient: num(a["coefficient"]),
    classAverage: num(a["class_average"]),
  };
}

/**
 * The `latest_grade` sensor's `recent` attribute (newest first, up to 10), at most `count`
 * of them; null when the sensor has no such attribute (Schoolbag before it had one).
 */
export function recentGrades(stateObj: HassEntity | undefined, count: number): LatestGrade[] | null {
  const recent = stateObj?.attributes["recent"];
  if (!Array.isArray(recent)) {
    return null;
  }
  return recent
    .map(recentGrade)
    .filter((grade): grade is LatestGrade => grade !== null)
    .slice(0, count);
}

type AverageKey = "overall_average" | "period_average" | "ue_average";

/**
 * A row's name in the user's language, from the sensor's translation key and the term's
 * (`period`) or UE's (`unit`) name in its attributes; the display name when there is none.
 */
function averageName(
  hass: HomeAssistant,
  entityId: string,
  deviceId: string,
  key: AverageKey,
): string {
  if (key === "overall_average") {
    return localize(hass, "grades.overall");
  }
  const display = shortName(hass, entityId, deviceId);
  const attribute = key === "period_average" ? "period" : "unit";
  const given = text(hass.states[entityId]?.attributes[attribute]).trim();
  if (!given) {
    return display;
  }
  return key === "period_average"
    ? localize(hass, "grades.period_average", { period: given })
    : localize(hass, "grades.ue_average", { unit: given });
}

function averageRow(
  hass: HomeAssistant,
  entityId: string,
  deviceId: string,
  key: AverageKey,
): AverageRow {
  const stateObj = hass.states[entityId];
  return {
    entityId,
    name: averageName(hass, entityId, deviceId, key),
    value: num(stateObj?.state),
    outOf: num(stateObj?.attributes["out_of"]),
    classAverage: num(stateObj?.attributes["class_average"]),
  };
}

/** The overall average first, then each term's, then each teaching unit's. */
export function averages(hass: HomeAssistant, deviceId: string): AverageRow[] {
  const keys: AverageKey[] = ["overall_average", "period_average", "ue_average"];
  return keys.flatMap((key) =>
    studentEntities(hass, deviceId, "sensor", key)
      .filter((id) => hass.states[id])
      .map((id) => averageRow(hass, id, deviceId, key)),
  );
}

export function latestGradeEntity(hass: HomeAssistant, deviceId: string): string | undefined {
  return studentEntity(hass, deviceId, "sensor", "latest_grade");
}
