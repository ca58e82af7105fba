// The dashboard that builds itself: one view per student, made of the cards they have data for.
import type { HomeAssistant } from "./hass";
import { localize } from "./localize";
import { studentEntity, studentEntities, students } from "./students";

export interface LovelaceCardConfig {
  type: string;
  [key: string]: unknown;
}

// Views have no icon: Home Assistant then shows only the icon in the tab bar, and every
// student's tab would look the same; without one, the tab shows the student's name.
export interface LovelaceViewConfig {
  title: string;
  path: string;
  cards: LovelaceCardConfig[];
}

export interface LovelaceDashboardConfig {
  title: string;
  views: LovelaceViewConfig[];
}

/** The cards a student's data calls for. */
function studentCards(hass: HomeAssistant, deviceId: string): LovelaceCardConfig[] {
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

export function generateDashboard(hass: HomeAssistant): LovelaceDashboardConfig {
  const taken = new Set<string>();
  const views = students(hass).map(({ deviceId, name }) => ({
    title: name,
    path: slug(name, taken),
    cards: studentCards(hass, deviceId),
  }));
  if (views.length === 0) {
    views.push({
      title: "Schoolbag",
      path: "schoolbag",
      cards: [{ type: "markdown", content: localize(hass, "editor.no_students") }],
    });
  }
  return { title: "Schoolbag", views };
}

/** `strategy: {type: custom:schoolbag}`: Home Assistant calls `generate` for the dashboard. */
export class SchoolbagDashboardStrategy extends HTMLElement {
  static async generate(
    _config: Record<string, unknown>,
    hass: HomeAssistant,
  ): Promise<LovelaceDashboardConfig> {
    return generateDashboard(hass);
  }
}
