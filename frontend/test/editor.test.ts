import { afterEach, describe, expect, it } from "vitest";
import "../src/index";
import type { SchoolbagCardConfig } from "../src/hass";
import { LEA, TOM, fakeHass, settle, shadow, texts } from "./fake-hass";

interface CardClass {
  getConfigElement(): HTMLElement;
  getStubConfig(hass: unknown): Omit<SchoolbagCardConfig, "type">;
}

const TYPES = ["schoolbag-day-card", "schoolbag-homework-card", "schoolbag-grades-card"];

async function editorFor(type: string, config: Record<string, unknown> = {}) {
  const card = customElements.get(type) as unknown as CardClass;
  const editor = card.getConfigElement() as HTMLElement & {
    hass: unknown;
    setConfig(config: SchoolbagCardConfig): void;
    updateComplete: Promise<unknown>;
  };
  editor.hass = fakeHass();
  editor.setConfig({ type: `custom:${type}`, ...config });
  document.body.appendChild(editor);
  await settle(editor);
  return editor;
}

describe("cards in the card picker and their editor", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("lists the three cards for the card picker", () => {
    expect(window.customCards?.map((card) => card.type)).toEqual(TYPES);
    expect(window.customCards?.every((card) => card.preview && card.name.startsWith("Schoolbag"))).toBe(true);
  });

  it("starts a new card on the first student", () => {
    for (const type of TYPES) {
      const card = customElements.get(type) as unknown as CardClass;
      expect(card.getStubConfig(fakeHass())).toEqual({ device_id: LEA });
      expect(card.getConfigElement().tagName).toBe("SCHOOLBAG-CARD-EDITOR");
    }
  });

  it("offers the Schoolbag students only, and reports the one picked", async () => {
    const editor = await editorFor("schoolbag-day-card", { device_id: LEA });
    const root = shadow(editor);
    const select = root.querySelector("select")!;

    expect([...select.options].map((o) => o.value)).toEqual([LEA, TOM]);
    expect(texts(root, "option")).toEqual(["Léa MARTIN (Pronote, student account)", "Tom"]);
    expect(select.value).toBe(LEA);
    expect(root.querySelector("input[name=days]")).toBeNull();
    expect(root.querySelector("input[name=grades]")).toBeNull();

    const changes: SchoolbagCardConfig[] = [];
    editor.addEventListener("config-changed", (event) =>
      changes.push((event as CustomEvent<{ config: SchoolbagCardConfig }>).detail.config),
    );
    select.value = TOM;
    select.dispatchEvent(new Event("change"));

    expect(changes).toEqual([{ type: "custom:schoolbag-day-card", device_id: TOM }]);
  });

  it("asks the homework card how many days ahead, in the user's language", async () => {
    const editor = await editorFor("schoolbag-homework-card");
    const root = shadow(editor);
    const days = root.querySelector<HTMLInputElement>("input[name=days]")!;
    expect(days.value).toBe("7");
    expect(root.querySelector("select")!.value).toBe("");

    const changes: SchoolbagCardConfig[] = [];
    editor.addEventListener("config-changed", (event) =>
      changes.push((event as CustomEvent<{ config: SchoolbagCardConfig }>).detail.config),
    );
    days.value = "3";
    days.dispatchEvent(new Event("change"));
    expect(changes).toEqual([{ type: "custom:schoolbag-homework-card", days: 3 }]);

    (editor as unknown as { hass: unknown }).hass = fakeHass("da");
    await settle(editor);
    expect(texts(root, "label")[0]).toMatch(/^Elev /);
  });

  it("asks the grades card how many grades to show, 1 to 10, in the user's language", async () => {
    const editor = await editorFor("schoolbag-grades-card", { device_id: LEA });
    const root = shadow(editor);
    expect(root.querySelector("input[name=days]")).toBeNull();
    const grades = root.querySelector<HTMLInputElement>("input[name=grades]")!;
    expect(grades.value).toBe("5");
    expect([grades.min, grades.max]).toEqual(["1", "10"]);
    expect(texts(root, "label")[1]).toBe("Grades shown");

    const changes: SchoolbagCardConfig[] = [];
    editor.addEventListener("config-changed", (event) =>
      changes.push((event as CustomEvent<{ config: SchoolbagCardConfig }>).detail.config),
    );
    for (const typed of ["11", "0", "2.5", "3"]) {
      grades.value = typed;
      grades.dispatchEvent(new Event("change"));
    }
    expect(changes).toEqual([{ type: "custom:schoolbag-grades-card", device_id: LEA, grades: 3 }]);

    (editor as unknown as { hass: unknown }).hass = fakeHass("fr");
    await settle(editor);
    expect(texts(root, "label")[1]).toBe("Notes affichées");
    expect(root.querySelector<HTMLInputElement>("input[name=grades]")!.value).toBe("3");
  });
});
