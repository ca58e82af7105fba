import { describe, expect, it } from "vitest";
import "../src/index";
import type { HomeAssistant } from "../src/hass";
import { LEA, TOM, fakeHass } from "./fake-hass";

interface Strategy {
  generate(config: unknown, hass: HomeAssistant): Promise<{ title: string; views: unknown[] }>;
}

const strategy = () =>
  customElements.get("ll-strategy-dashboard-schoolbag") as unknown as Strategy;

describe("Schoolbag dashboard strategy", () => {
  it("builds one view per student with the cards their data calls for", async () => {
    const dashboard = await strategy().generate({ type: "custom:schoolbag" }, fakeHass());

    expect(dashboard.title).toBe("Schoolbag");
    expect(dashboard.views).toEqual([
      {
        title: "Léa MARTIN (Pronote, student account)",
        path: "lea-martin-pronote-student-account",
        cards: [
          { type: "custom:schoolbag-day-card", device_id: LEA },
          { type: "custom:schoolbag-homework-card", device_id: LEA },
          { type: "custom:schoolbag-grades-card", device_id: LEA },
        ],
      },
      {
        title: "Tom",
        path: "tom",
        cards: [{ type: "custom:schoolbag-grades-card", device_id: TOM }],
      },
    ]);
  });

  it("gives views no icon, so that the tab bar shows each student's name", async () => {
    // Home Assistant shows only the icon of a view that has one: all tabs would look alike.
    const dashboard = await strategy().generate({ type: "custom:schoolbag" }, fakeHass());
    for (const view of dashboard.views) {
      expect(view).not.toHaveProperty("icon");
    }
    const empty = fakeHass();
    empty.entities = {};
    const [placeholder] = (await strategy().generate({}, empty)).views;
    expect(placeholder).not.toHaveProperty("icon");
  });

  it("says what to do when there is no student yet", async () => {
    const hass = fakeHass("fr");
    hass.entities = {};
    const dashboard = await strategy().generate({}, hass);

    expect(dashboard.views).toEqual([
      {
        title: "Schoolbag",
        path: "schoolbag",
        cards: [
          { type: "markdown", content: "Aucun élève Schoolbag : ajoutez d'abord l'intégration." },
        ],
      },
    ]);
  });
});
