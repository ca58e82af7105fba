import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import "../src/index";
import type { CalendarApiEvent } from "../src/timetable";
import { LEA, fakeHass, mount, shadow, state, texts } from "./fake-hass";

// Tuesday 10 March 2026 in Paris (UTC+1); the machine's own zone and date never matter.
const lesson = (uid: string, start: string, end: string, summary: string): CalendarApiEvent => ({
  uid,
  start: { dateTime: start },
  end: { dateTime: end },
  summary,
  location: "B12",
  description: "M. DUPONT",
});

const EVENTS: CalendarApiEvent[] = [
  lesson("lesson-1", "2026-03-10T08:00:00+01:00", "2026-03-10T09:00:00+01:00", "Maths"),
  lesson("lesson-2", "2026-03-10T10:00:00+01:00", "2026-03-10T11:00:00+01:00", "French"),
  lesson("lesson-3", "2026-03-10T11:00:00+01:00", "2026-03-10T12:00:00+01:00", "History"),
  // The last lesson of the day, cancelled: the day is over at noon.
  lesson("lesson-4", "2026-03-10T15:00:00+01:00", "2026-03-10T16:00:00+01:00", "Sport"),
  lesson("lesson-5", "2026-03-11T08:30:00+01:00", "2026-03-11T09:30:00+01:00", "English"),
  lesson("lesson-6", "2026-03-16T08:00:00+01:00", "2026-03-16T09:00:00+01:00", "Physics"),
];

const TIMETABLE = state("calendar.lea_timetable", "off", {
  lesson_status: { "lesson-1": "changed", "lesson-3": "exam", "lesson-4": "cancelled" },
});

function hassAt(instant: string, language = "en", events = EVENTS) {
  vi.setSystemTime(new Date(instant));
  const hass = fakeHass(language, [TIMETABLE]);
  hass.callApi.mockResolvedValue(events);
  return hass;
}

describe("day card", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = "";
  });

  it("shows today's lessons with changed, cancelled and exam ones marked", async () => {
    const hass = hassAt("2026-03-10T09:30:00+01:00");
    const card = await mount<HTMLElement>("schoolbag-day-card", hass, { device_id: LEA });
    const root = shadow(card);

    const [method, path] = hass.callApi.mock.calls[0] as [string, string];
    expect(method).toBe("GET");
    expect(path).toMatch(/^calendars\/calendar\.lea_timetable\?start=[^&]+&end=[^&]+$/);
    expect(texts(root, ".title")).toEqual(["Today"]);
    expect(texts(root, ".subject")).toEqual(["Maths", "French", "History", "Sport"]);
    const classes = [...root.querySelectorAll("li.lesson")].map((li) => li.className);
    expect(classes).toEqual(["lesson changed", "lesson normal", "lesson exam", "lesson cancelled"]);
    expect(texts(root, ".badge")).toEqual(["Changed", "Exam", "Cancelled"]);
    // As Home Assistant shows times: no zero before a 12-hour hour.
    expect(texts(root, ".time")[0]).toBe("8:00 AM9:00 AM");
    expect(texts(root, ".lesson .secondary")[0]).toBe("B12 · M. DUPONT");
  });

  it("formats times as Home Assistant does, in the user's time format", async () => {
    const hass = hassAt("2026-03-10T09:30:00+01:00");
    hass.locale = { language: "en", time_zone: "server", time_format: "12" };
    let root = shadow(await mount("schoolbag-day-card", hass, { device_id: LEA }));
    expect(texts(root, ".time")[1]).toBe("10:00 AM11:00 AM");
    expect(texts(root, ".time")[3]).toBe("3:00 PM4:00 PM");
    document.body.innerHTML = "";

    const fr = hassAt("2026-03-10T09:30:00+01:00", "fr");
    fr.locale = { language: "fr", time_zone: "server", time_format: "language" };
    root = shadow(await mount("schoolbag-day-card", fr, { device_id: LEA }));
    expect(texts(root, ".time")[3]).toMatch(/^15:00\s*16:00$/);
  });

  it("shows the subject without the status label the integration appends to it", async () => {
    // The summary ends with " (<label>)" in Home Assistant's language, whatever the user's.
    const events: CalendarApiEvent[] = [
      lesson("lesson-1", "2026-03-10T08:00:00+01:00", "2026-03-10T09:00:00+01:00", "SCIENCES VIE & TERRE (modifié)"),
      lesson("lesson-2", "2026-03-10T10:00:00+01:00", "2026-03-10T11:00:00+01:00", "French (cancelled)"),
      lesson("lesson-3", "2026-03-10T11:00:00+01:00", "2026-03-10T12:00:00+01:00", "History (eksamen)"),
      lesson("lesson-4", "2026-03-10T15:00:00+01:00", "2026-03-10T16:00:00+01:00", "Sport (aflyst)"),
    ];
    const hass = hassAt("2026-03-10T09:30:00+01:00", "en", events);
    const root = shadow(await mount("schoolbag-day-card", hass, { device_id: LEA }));

    // lesson-2 has no status: nothing is taken off its summary.
    expect(texts(root, ".subject")).toEqual([
      "SCIENCES VIE & TERRE",
      "French (cancelled)",
      "History",
      "Sport",
    ]);
    expect(texts(root, ".badge")).toEqual(["Changed", "Exam", "Cancelled"]);
  });

  it("takes off only the label of the lesson's own status", async () => {
    const events: CalendarApiEvent[] = [
      lesson("lesson-1", "2026-03-10T08:00:00+01:00", "2026-03-10T09:00:00+01:00", "Maths (annulé)"),
      lesson("lesson-3", "2026-03-10T11:00:00+01:00", "2026-03-10T12:00:00+01:00", "History (exam) (changed)"),
      lesson("lesson-4", "2026-03-10T15:00:00+01:00", "2026-03-10T16:00:00+01:00", "Sport(cancelled)"),
    ];
    const fr = hassAt("2026-03-10T09:30:00+01:00", "fr", events);
    const root = shadow(await mount("schoolbag-day-card", fr, { device_id: LEA }));

    expect(texts(root, ".subject")).toEqual(["Maths (annulé)", "History (exam) (changed)", "Sport(cancelled)"]);
    expect(texts(root, ".badge")).toEqual(["Modifié", "Examen", "Annulé"]);
  });

  it("shows tomorrow after the last lesson that takes place", async () => {
    const hass = hassAt("2026-03-10T12:05:00+01:00");
    const root = shadow(await mount("schoolbag-day-card", hass, { device_id: LEA }));

    expect(texts(root, ".title")).toEqual(["Tomorrow"]);
    expect(texts(root, ".subject")).toEqual(["English"]);
    expect(texts(root, ".header + .secondary")).toEqual(["Wednesday, March 11"]);
  });

  it("shows the next school day, named, when tomorrow has no lessons", async () => {
    const hass = hassAt("2026-03-11T18:00:00+01:00");
    const root = shadow(await mount("schoolbag-day-card", hass, { device_id: LEA }));

    expect(texts(root, ".title")).toEqual(["Monday, March 16"]);
    expect(texts(root, ".subject")).toEqual(["Physics"]);
  });

  it("counts days in Home Assistant's time zone", async () => {
    // 23:30 UTC on the 9th is already the 10th in Paris: the lessons are today's.
    const hass = hassAt("2026-03-09T23:30:00Z");
    hass.locale = { language: "en", time_zone: "server", time_format: "24" };
    const root = shadow(await mount("schoolbag-day-card", hass, { device_id: LEA }));

    expect(texts(root, ".title")).toEqual(["Today"]);
    expect(texts(root, ".time")[0]).toBe("08:0009:00");
  });

  it("speaks French and Danish", async () => {
    const fr = shadow(
      await mount("schoolbag-day-card", hassAt("2026-03-10T09:30:00+01:00", "fr"), {
        device_id: LEA,
      }),
    );
    expect(texts(fr, ".title")).toEqual(["Aujourd'hui"]);
    expect(texts(fr, ".badge")).toEqual(["Modifié", "Examen", "Annulé"]);
    expect(texts(fr, ".header + .secondary")).toEqual(["mardi 10 mars"]);

    const da = shadow(
      await mount("schoolbag-day-card", hassAt("2026-03-10T17:00:00+01:00", "da"), {
        device_id: LEA,
      }),
    );
    expect(texts(da, ".title")).toEqual(["I morgen"]);
  });

  it("says when no lesson is coming and when the student has no timetable", async () => {
    const empty = shadow(
      await mount("schoolbag-day-card", hassAt("2026-03-10T09:30:00+01:00", "en", []), {
        device_id: LEA,
      }),
    );
    expect(texts(empty, ".message")).toEqual(["No lessons in the coming days."]);

    const tom = shadow(
      await mount("schoolbag-day-card", hassAt("2026-03-10T09:30:00+01:00"), {
        device_id: "device-tom",
      }),
    );
    expect(texts(tom, ".message")).toEqual(["This student has no timetable in Schoolbag."]);
  });

  it("shows no mark where the calendar gives no status", async () => {
    vi.setSystemTime(new Date("2026-03-10T09:30:00+01:00"));
    const hass = fakeHass("en", [state("calendar.lea_timetable", "off")]);
    hass.callApi.mockResolvedValue(EVENTS);
    const root = shadow(await mount("schoolbag-day-card", hass, { device_id: LEA }));

    expect(texts(root, ".badge")).toEqual([]);
    // Without the cancellation known, the day lasts until the Sport lesson ends.
    expect(texts(root, ".title")).toEqual(["Today"]);
  });
});
