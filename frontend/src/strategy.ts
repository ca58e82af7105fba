// The dashboard that builds itself: one view per student, made of the cards they have data for.
import type { HomeAssistant } from "./hass";
import { localize } from "./localize";
import { studentViews, type LovelaceCardConfig } from "./student-views";

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

export function generateDashboard(hass: HomeAssistant): LovelaceDashboardConfig {
  const views = studentViews(hass).map(({ name, path, cards }) => ({ title: name, path, cards }));
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
