// A fake `hass` with two Schoolbag students and one entity of another integration.
import { vi } from "vitest";
import type { EntityEntry, HassEntity, HomeAssistant } from "../src/hass";

export const LEA = "device-lea";
export const TOM = "device-tom";
export const LEA_NAME = "Léa MARTIN (Pronote, student account)";

function entity(
  entity_id: string,
  device_id: string,
  translation_key: string,
  platform = "schoolbag",
): EntityEntry {
  return { entity_id, device_id, translation_key, platform };
}

export function state(
  entity_id: string,
  value: string,
  attributes: Record<string, unknown> = {},
): HassEntity {
  return { entity_id, state: value, attributes };
}

export interface FakeHass extends HomeAssistant {
  callApi: ReturnType<typeof vi.fn> & HomeAssistant["callApi"];
  callService: ReturnType<typeof vi.fn> & HomeAssistant["callService"];
}

export function fakeHass(language = "en", states: HassEntity[] = []): FakeHass {
  const entities = [
    entity("calendar.lea_timetable", LEA, "timetable"),
    entity("calendar.lea_homework", LEA, "homework"),
    entity("todo.lea_homework", LEA, "homework"),
    entity("sensor.lea_latest_grade", LEA, "latest_grade"),
    entity("sensor.lea_overall_average", LEA, "overall_average"),
    entity("sensor.lea_average_trimestre_1", LEA, "period_average"),
    entity("sensor.lea_ue_1_1_average", LEA, "ue_average"),
    entity("sensor.tom_latest_grade", TOM, "latest_grade"),
    entity("light.kitchen", "device-lamp", "", "hue"),
  ];
  return {
    states: Object.fromEntries(states.map((s) => [s.entity_id, s])),
    entities: Object.fromEntries(entities.map((e) => [e.entity_id, e])),
    devices: {
      [LEA]: { id: LEA, name: LEA_NAME, name_by_user: null },
      [TOM]: { id: TOM, name: "Tom MARTIN (EcoleDirecte, parent account)", name_by_user: "Tom" },
      "device-lamp": { id: "device-lamp", name: "Kitchen lamp", name_by_user: null },
    },
    language,
    locale: { language, time_zone: "server" },
    config: { time_zone: "Europe/Paris" },
    connection: { subscribeMessage: vi.fn() },
    callApi: vi.fn(),
    callService: vi.fn(),
  } as unknown as FakeHass;
}

/** Let fetches, subscriptions and Lit's rendering finish. */
export async function settle(element: Element & { updateComplete?: Promise<unknown> }): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

export async function mount<T extends HTMLElement>(
  tag: string,
  hass: HomeAssistant,
  config: Record<string, unknown>,
): Promise<T> {
  const card = document.createElement(tag) as T & {
    setConfig(config: unknown): void;
    hass: HomeAssistant;
  };
  card.setConfig({ type: `custom:${tag}`, ...config });
  card.hass = hass;
  document.body.appendChild(card);
  await settle(card as unknown as Element & { updateComplete: Promise<unknown> });
  return card;
}

export function texts(root: ParentNode, selector: string): string[] {
  return [...root.querySelectorAll(selector)].map((el) => (el.textContent ?? "").replace(/\s+/g, " ").trim());
}

export function shadow(element: HTMLElement): ShadowRoot {
  if (!element.shadowRoot) {
    throw new Error(`${element.tagName} has no shadow root`);
  }
  return element.shadowRoot;
}
