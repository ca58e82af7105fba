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
        icon: "mdi:school",
        cards: [
          { type: "custom:schoolbag-day-card", device_id: LEA },
          { type: "custom:schoolbag-homework-card", device_id: LEA },
          { type: "custom:schoolbag-grades-card", device_id: LEA },
        ],
      },
      {
        title: "Tom",
        path: "tom",
        icon: "mdi:school",
        cards: [{ type: "custom:schoolbag-grades-card", device_id: TOM }],
      },
    ]);
  });

  it("says what to do when there is no student yet", async () => {
    const hass = fakeHass("fr");
    hass.entities = {};
    const dashboard = await strategy().generate({}, hass);

    expect(dashboard.views).toEqual([
      {
        title: "Schoolbag",
        path: "schoolbag",
        icon: "mdi:school",
        cards: [
          { type: "markdown", content: "Aucun élève Schoolbag : ajoutez d'abord l'intégration." },
        ],
      },
    ]);
  });
});
