// Each student's page, shared by the sidebar panel and the dashboard strategy: a name, a path
// for the URL and the cards the student's data calls for.
import type { HomeAssistant } from "./hass";
import { studentEntity, studentEntities, students } from "./students";

export interface LovelaceCardConfig {
  type: string;
  [key: string]: unknown;
}

export interface StudentView {
  deviceId: string;
  name: string;
  /** Unique among the students, made of letters, digits and dashes. */
  path: string;
  cards: LovelaceCardConfig[];
}

/** The cards a student's data calls for. */
export function studentCards(hass: HomeAssistant, deviceId: string): LovelaceCardConfig[] {
  const has = (domain: string, key: string): boolean =>
    studentEntities(hass, deviceId, domain, key).length > 0;
  const cards: LovelaceCardConfig[] = [];
  if (has("calendar", "timetable")) {
    cards.push({ type: "custom:schoolbag-day-card", device_id: deviceId });
  }
  if (has("todo", "homework")) {
    cards.push({ type: "custom:schoolbag-homework-card", device_id: deviceId });
  }
  if (
    studentEntity(hass, deviceId, "sensor", "latest_grade") ||
    has("sensor", "overall_average") ||
    has("sensor", "period_average") ||
    has("sensor", "ue_average")
  ) {
    cards.push({ type: "custom:schoolbag-grades-card", device_id: deviceId });
  }
  return cards;
}

function slug(name: string, taken: Set<string>): string {
  const base =
    name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "student";
  let path = base;
  for (let n = 2; taken.has(path); n++) {
    path = `${base}-${n}`;
  }
  taken.add(path);
  return path;
}

/** One view per student, by name; none when Schoolbag has no student yet. */
export function studentViews(hass: HomeAssistant): StudentView[] {
  const taken = new Set<string>();
  return students(hass).map(({ deviceId, name }) => ({
    deviceId,
    name,
    path: slug(name, taken),
    cards: studentCards(hass, deviceId),
  }));
}
