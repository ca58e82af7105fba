import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import "../src/index";
import type { TodoItem } from "../src/homework";
import { LEA, fakeHass, mount, settle, shadow, state, texts } from "./fake-hass";

const WAITING = "Waiting for the school: Home Assistant sends it as soon as the school answers again.";

const ITEMS: TodoItem[] = [
  { uid: "late", summary: "Maths: yesterday's", status: "needs_action", due: "2026-03-09" },
  { uid: "hw1", summary: "Maths: exercise 3", status: "needs_action", due: "2026-03-10" },
  {
    uid: "hw2",
    summary: "French: read chapter 2",
    status: "completed",
    due: "2026-03-11",
    description: `Pages 10 to 20\n${WAITING}`,
  },
  // An assignment due at a time of day: grouped on its day in Paris.
  { uid: "hw3", summary: "Essay", status: "needs_action", due: "2026-03-11T23:59:00+01:00" },
  { uid: "hw4", summary: "History: poster", status: "needs_action", due: "2026-03-13" },
  { uid: "far", summary: "Project", status: "needs_action", due: "2026-03-30" },
  { uid: "undated", summary: "Someday", status: "needs_action" },
];

function hassWithItems(language = "en", items = ITEMS) {
  const hass = fakeHass(language, [state("todo.lea_homework", "4")]);
  const subscribe = hass.connection.subscribeMessage as ReturnType<typeof vi.fn>;
  const unsubscribe = vi.fn();
  subscribe.mockImplementation(async (callback: (message: { items: TodoItem[] }) => void) => {
    setTimeout(() => callback({ items }), 0);
    return unsubscribe;
  });
  return { hass, subscribe, unsubscribe };
}

describe("homework card", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-10T18:00:00+01:00"));
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = "";
  });

  it("subscribes to the student's to-do list and groups what is due soon by day", async () => {
    const { hass, subscribe } = hassWithItems();
    const root = shadow(await mount("schoolbag-homework-card", hass, { device_id: LEA }));

    expect(subscribe.mock.calls[0]![1]).toEqual({
      type: "todo/item/subscribe",
      entity_id: "todo.lea_homework",
    });
    expect(texts(root, "h3")).toEqual(["Today", "Tomorrow", "Friday, March 13"]);
    const byDay = [...root.querySelectorAll("ul")].map((ul) => texts(ul, ".summary"));
    expect(byDay).toEqual([
      ["Maths: exercise 3"],
      ["French: read chapter 2", "Essay"],
      ["History: poster"],
    ]);
    const boxes = [...root.querySelectorAll<HTMLInputElement>("input[type=checkbox]")];
    expect(boxes.map((box) => box.checked)).toEqual([false, true, false, false]);
  });

  it("shows a waiting tick as the to-do entity describes it", async () => {
    const { hass } = hassWithItems();
    const root = shadow(await mount("schoolbag-homework-card", hass, { device_id: LEA }));

    const item = root.querySelector('[data-uid="hw2"]')!;
    expect(item.querySelector(".description")!.textContent).toBe(`Pages 10 to 20\n${WAITING}`);
    expect(item.className).toContain("completed");
  });

  it("ticks an item through todo.update_item", async () => {
    const { hass } = hassWithItems();
    hass.callService.mockResolvedValue(undefined);
    const card = await mount<HTMLElement>("schoolbag-homework-card", hass, { device_id: LEA });
    const box = shadow(card).querySelector<HTMLInputElement>('[data-uid="hw1"] input')!;

    box.click();
    await settle(card);

    expect(hass.callService).toHaveBeenCalledWith(
      "todo",
      "update_item",
      { item: "hw1", rename: "Maths: exercise 3", status: "completed" },
      { entity_id: "todo.lea_homework" },
    );
  });

  it("unticks a done item", async () => {
    const { hass } = hassWithItems();
    hass.callService.mockResolvedValue(undefined);
    const card = await mount<HTMLElement>("schoolbag-homework-card", hass, { device_id: LEA });

    shadow(card).querySelector<HTMLInputElement>('[data-uid="hw2"] input')!.click();
    await settle(card);

    expect(hass.callService.mock.calls[0]![2]).toEqual({
      item: "hw2",
      rename: "French: read chapter 2",
      status: "needs_action",
    });
  });

  it("shows a refused tick and puts the box back", async () => {
    const { hass } = hassWithItems("fr");
    hass.callService.mockRejectedValue({ code: "home_assistant_error", message: "Refusé par l'école" });
    const card = await mount<HTMLElement>("schoolbag-homework-card", hass, { device_id: LEA });
    const root = shadow(card);

    root.querySelector<HTMLInputElement>('[data-uid="hw1"] input')!.click();
    await settle(card);

    expect(texts(root, '[data-uid="hw1"] .error')).toEqual(["Non enregistré : Refusé par l'école"]);
    expect(root.querySelector<HTMLInputElement>('[data-uid="hw1"] input')!.checked).toBe(false);
  });

  it("speaks French and Danish, and follows the number of days chosen", async () => {
    const fr = shadow(
      await mount("schoolbag-homework-card", hassWithItems("fr").hass, { device_id: LEA }),
    );
    expect(texts(fr, ".title")).toEqual(["Devoirs"]);
    expect(texts(fr, "h3")).toEqual(["Aujourd'hui", "Demain", "vendredi 13 mars"]);

    const da = shadow(
      await mount("schoolbag-homework-card", hassWithItems("da").hass, { device_id: LEA, days: 2 }),
    );
    expect(texts(da, "h3")).toEqual(["I dag", "I morgen"]);
  });

  it("stops listening when removed", async () => {
    const { hass, unsubscribe } = hassWithItems();
    const card = await mount<HTMLElement>("schoolbag-homework-card", hass, { device_id: LEA });

    card.remove();
    await settle(card);

    expect(unsubscribe).toHaveBeenCalledOnce();
  });

  it("says when nothing is due", async () => {
    const root = shadow(
      await mount("schoolbag-homework-card", hassWithItems("en", []).hass, { device_id: LEA }),
    );
    expect(texts(root, ".message")).toEqual(["Nothing due in the coming days."]);
  });
});
