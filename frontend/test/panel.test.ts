import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import "../src/index";
import type { HomeAssistant } from "../src/hass";
import { LEA, LEA_NAME, TOM, fakeHass as bareHass, settle, shadow, texts } from "./fake-hass";

/** The fake hass, answering the cards' calendar fetches and to-do subscriptions. */
function fakeHass(language = "en") {
  const hass = bareHass(language);
  hass.callApi.mockResolvedValue([]);
  (hass.connection.subscribeMessage as unknown as { mockResolvedValue(value: unknown): void }).mockResolvedValue(
    () => undefined,
  );
  return hass;
}

type Panel = HTMLElement & {
  hass?: HomeAssistant;
  narrow: boolean;
  panel?: { title: string; url_path: string };
  updateComplete: Promise<unknown>;
};
type Card = HTMLElement & { hass?: HomeAssistant; config?: { type: string; device_id?: string } };

async function mountPanel(hass: HomeAssistant, narrow = false): Promise<Panel> {
  const panel = document.createElement("schoolbag-panel") as Panel;
  panel.hass = hass;
  panel.narrow = narrow;
  panel.panel = { title: "Schoolbag", url_path: "schoolbag" };
  document.body.appendChild(panel);
  await settle(panel);
  return panel;
}

const tabs = (panel: Panel): HTMLButtonElement[] => [
  ...shadow(panel).querySelectorAll<HTMLButtonElement>('[role="tab"]'),
];
const cards = (panel: Panel): Card[] => [...shadow(panel).querySelectorAll<Card>(".columns > *")];
const shown = (panel: Panel): [string, string | undefined][] =>
  cards(panel).map((card) => [card.localName, card.config?.device_id]);

describe("Schoolbag sidebar panel", () => {
  beforeEach(() => {
    window.location.hash = "";
  });
  afterEach(() => {
    document.body.innerHTML = "";
    window.location.hash = "";
  });

  it("has a top bar with Home Assistant's menu button and the panel's title", async () => {
    const hass = fakeHass();
    const panel = await mountPanel(hass, true);
    const menu = shadow(panel).querySelector(".toolbar ha-menu-button") as HTMLElement & {
      hass?: HomeAssistant;
      narrow?: boolean;
    };

    // On a phone, the menu button is the only way to open the sidebar.
    expect(menu.hass).toBe(hass);
    expect(menu.narrow).toBe(true);
    expect(texts(shadow(panel), ".toolbar .title")).toEqual(["Schoolbag"]);
    expect(panel.hasAttribute("narrow")).toBe(true);
  });

  it("shows a tab per student, by name, the first one chosen", async () => {
    const panel = await mountPanel(fakeHass());

    expect(tabs(panel).map((tab) => tab.textContent?.trim())).toEqual([LEA_NAME, "Tom"]);
    expect(tabs(panel).map((tab) => tab.getAttribute("aria-selected"))).toEqual(["true", "false"]);
    expect(shadow(panel).querySelector('[role="tablist"]')?.getAttribute("aria-label")).toBe("Students");
  });

  it("shows the chosen student's cards, those their data calls for, in order", async () => {
    const panel = await mountPanel(fakeHass());

    expect(shown(panel)).toEqual([
      ["schoolbag-day-card", LEA],
      ["schoolbag-homework-card", LEA],
      ["schoolbag-grades-card", LEA],
    ]);
    for (const card of cards(panel)) {
      // Each is our own card, defined and configured, not an unknown element.
      expect(card).toBeInstanceOf(customElements.get(card.localName)!);
      expect(card.config?.type).toBe(`custom:${card.localName}`);
    }
  });

  it("switches to another student's cards and keeps the choice in the URL", async () => {
    const panel = await mountPanel(fakeHass());
    tabs(panel)[1]!.click();
    await settle(panel);

    expect(shown(panel)).toEqual([["schoolbag-grades-card", TOM]]);
    expect(tabs(panel).map((tab) => tab.getAttribute("aria-selected"))).toEqual(["false", "true"]);
    expect(window.location.hash).toBe("#tom");

    // Opened again from that URL (a bookmark, a reload), the panel shows the same student.
    document.body.innerHTML = "";
    const again = await mountPanel(fakeHass());
    expect(shown(again)).toEqual([["schoolbag-grades-card", TOM]]);
  });

  it("brings the chosen student's tab into sight, as a phone shows few at once", async () => {
    const scrolled: string[] = [];
    const scrollIntoView = vi
      .spyOn(HTMLElement.prototype, "scrollIntoView")
      .mockImplementation(function (this: HTMLElement) {
        scrolled.push(this.dataset["path"] ?? this.localName);
      });
    try {
      window.location.hash = "#tom";
      const panel = await mountPanel(fakeHass());
      expect(scrolled).toEqual(["tom"]);

      tabs(panel)[0]!.click();
      await settle(panel);
      expect(scrolled).toEqual(["tom", "lea-martin-pronote-student-account"]);
    } finally {
      scrollIntoView.mockRestore();
    }
  });

  it("follows the URL's hash when it changes", async () => {
    const panel = await mountPanel(fakeHass());
    window.location.hash = "#tom";
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    await settle(panel);
    expect(shown(panel)).toEqual([["schoolbag-grades-card", TOM]]);

    // An unknown student in the URL shows the first one.
    window.location.hash = "#nobody";
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    await settle(panel);
    expect(shown(panel)[0]).toEqual(["schoolbag-day-card", LEA]);
  });

  it("passes every new hass to the cards, keeping the same card elements", async () => {
    const panel = await mountPanel(fakeHass());
    const before = cards(panel);
    for (const card of before) {
      expect(card.hass).toBe(panel.hass);
    }

    const next = { ...fakeHass(), entities: panel.hass!.entities, devices: panel.hass!.devices };
    panel.hass = next;
    await settle(panel);

    const after = cards(panel);
    expect(after).toHaveLength(3);
    after.forEach((card, index) => {
      expect(card).toBe(before[index]);
      expect(card.hass).toBe(next);
    });
  });

  it("adds a student's cards when their entities appear", async () => {
    const hass = fakeHass();
    const panel = await mountPanel(hass);
    tabs(panel)[1]!.click();
    await settle(panel);

    const entities = {
      ...hass.entities,
      "todo.tom_homework": {
        entity_id: "todo.tom_homework",
        device_id: TOM,
        translation_key: "homework",
        platform: "schoolbag",
      },
    };
    panel.hass = { ...hass, entities };
    await settle(panel);

    expect(shown(panel)).toEqual([
      ["schoolbag-homework-card", TOM],
      ["schoolbag-grades-card", TOM],
    ]);
  });

  it("says when there is no student yet, in the user's language", async () => {
    const hass = fakeHass("fr");
    hass.entities = {};
    const panel = await mountPanel(hass);

    expect(tabs(panel)).toEqual([]);
    expect(cards(panel)).toEqual([]);
    expect(texts(shadow(panel), ".message")).toEqual([
      "Aucun élève Schoolbag : ajoutez d'abord l'intégration.",
    ]);
  });

  it("says when a student has nothing to show yet", async () => {
    const hass = fakeHass("da");
    hass.entities = {
      "sensor.tom_absences": {
        entity_id: "sensor.tom_absences",
        device_id: TOM,
        translation_key: "absences",
        platform: "schoolbag",
      },
    };
    const panel = await mountPanel(hass);

    expect(tabs(panel).map((tab) => tab.textContent?.trim())).toEqual(["Tom"]);
    expect(cards(panel)).toEqual([]);
    expect(texts(shadow(panel), ".message")).toEqual(["Schoolbag har endnu intet at vise for Tom."]);
  });
});
