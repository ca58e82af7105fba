import { afterEach, describe, expect, it } from "vitest";
import "../src/index";
import { LEA, LEA_NAME, TOM, fakeHass, mount, shadow, state, texts } from "./fake-hass";

const LATEST = state("sensor.lea_latest_grade", "15.5", {
  friendly_name: `${LEA_NAME} Latest grade`,
  id: "g1",
  subject: "Mathématiques",
  title: "Contrôle 3",
  date: "2026-03-09",
  value: 15.5,
  out_of: 20,
  mark: null,
  raw: "15,5",
  coefficient: 2,
  class_average: 12.25,
});
const OVERALL = state("sensor.lea_overall_average", "14.2", {
  friendly_name: `${LEA_NAME} Overall average`,
});
const TERM = state("sensor.lea_average_trimestre_1", "13.456", {
  friendly_name: `${LEA_NAME} Average Trimestre 1`,
  period: "Trimestre 1",
  out_of: 20,
  class_average: 11,
});

/** An item of the latest-grade sensor's `recent` attribute (`recent_grade_dict`). */
function recent(subject: string, title: string, value: number | null, extra: Record<string, unknown> = {}) {
  return { subject, title, date: "2026-03-09", value, out_of: 20, mark: null, class_average: null, coefficient: 1, ...extra };
}

const RECENT = [
  recent("Mathématiques", "Contrôle 3", 15.5, { coefficient: 2, class_average: 12.25 }),
  recent("SVT", "TP cellules", null, { mark: "absent", class_average: 11 }),
  recent("Physique-chimie", "Interrogation", 7.5, { out_of: 10, counted_out_of: 20, subject_code: "PC2" }),
  recent("EPS", "Demi-fond", null, { mark: "exempt" }),
  recent("Anglais", "Oral", 13, { class_average: 12.5 }),
  recent("Histoire", "Évaluation", 9, {}),
  recent("Musique", "Chant", 16, {}),
];
const WITH_RECENT = state("sensor.lea_latest_grade", "15.5", { ...LATEST.attributes, recent: RECENT });

describe("grades card", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("shows the latest grade on its scale with the class average, then the averages", async () => {
    const hass = fakeHass("en", [LATEST, OVERALL, TERM]);
    const root = shadow(await mount("schoolbag-grades-card", hass, { device_id: LEA }));

    expect(texts(root, ".latest .value")).toEqual(["15.5/20"]);
    expect(texts(root, ".latest .subject")).toEqual(["Mathématiques"]);
    expect(texts(root, ".latest .main .secondary")).toEqual([
      "Latest grade",
      "Contrôle 3 · class 12.25 · coef. 2",
    ]);
    const rows = [...root.querySelectorAll("li.row")];
    expect(rows.map((row) => row.getAttribute("data-entity"))).toEqual([
      "sensor.lea_overall_average",
      "sensor.lea_average_trimestre_1",
    ]);
    expect(texts(root, "li.row > span:first-child")).toEqual(["Overall average", "Average Trimestre 1"]);
    expect(texts(root, "li.row .figure")).toEqual(["14.2", "13.46/20 class 11"]);
  });

  it("names a grade without a number by its mark, in French and Danish", async () => {
    const absent = state("sensor.lea_latest_grade", "unknown", {
      ...LATEST.attributes,
      value: null,
      mark: "absent",
      raw: "Abs",
      class_average: null,
      coefficient: 1,
    });
    const fr = shadow(await mount("schoolbag-grades-card", fakeHass("fr", [absent, TERM]), { device_id: LEA }));
    expect(texts(fr, ".title")).toEqual(["Notes"]);
    expect(texts(fr, ".latest .value")).toEqual(["Absent"]);
    expect(texts(fr, ".latest .main .secondary")).toEqual(["Dernière note", "Contrôle 3"]);
    expect(texts(fr, "li.row .figure")).toEqual(["13,46/20 classe 11"]);

    const da = shadow(await mount("schoolbag-grades-card", fakeHass("da", [LATEST]), { device_id: LEA }));
    expect(texts(da, ".latest .main .secondary")).toEqual([
      "Seneste karakter",
      "Contrôle 3 · klassen 12,25 · vægt 2",
    ]);
  });

  it("names the averages in the user's language, not Home Assistant's", async () => {
    // Home Assistant speaks English; the user's profile says French, then Danish.
    const unit = state("sensor.lea_ue_1_1_average", "12", {
      friendly_name: `${LEA_NAME} UE1.1 Réaliser average`,
      unit: "UE1.1 Réaliser",
      out_of: 20,
    });
    const fr = shadow(
      await mount("schoolbag-grades-card", fakeHass("fr", [OVERALL, TERM, unit]), { device_id: LEA }),
    );
    expect(texts(fr, "li.row > span:first-child")).toEqual([
      "Moyenne générale",
      "Moyenne Trimestre 1",
      "Moyenne UE1.1 Réaliser",
    ]);

    const da = shadow(
      await mount("schoolbag-grades-card", fakeHass("da", [OVERALL, TERM, unit]), { device_id: LEA }),
    );
    expect(texts(da, "li.row > span:first-child")).toEqual([
      "Samlet gennemsnit",
      "Gennemsnit Trimestre 1",
      "Gennemsnit UE1.1 Réaliser",
    ]);

    // And the other way round: Home Assistant in French, the user in English.
    const french = [
      state(OVERALL.entity_id, "14.2", { friendly_name: `${LEA_NAME} Moyenne générale` }),
      state(TERM.entity_id, "13.456", {
        friendly_name: `${LEA_NAME} Moyenne Trimestre 1`,
        period: "Trimestre 1",
      }),
      state(unit.entity_id, "12", {
        friendly_name: `${LEA_NAME} Moyenne UE1.1 Réaliser`,
        unit: "UE1.1 Réaliser",
      }),
    ];
    const en = shadow(await mount("schoolbag-grades-card", fakeHass("en", french), { device_id: LEA }));
    expect(texts(en, "li.row > span:first-child")).toEqual([
      "Overall average",
      "Average Trimestre 1",
      "UE1.1 Réaliser average",
    ]);
  });

  it("takes the term's and UE's names from the attributes, else keeps the display name", async () => {
    const term = state(TERM.entity_id, "13.456", { friendly_name: `${LEA_NAME} Term one`, period: "Trimestre 1" });
    const unit = state("sensor.lea_ue_1_1_average", "12", { friendly_name: `${LEA_NAME} My UE` });
    const root = shadow(
      await mount("schoolbag-grades-card", fakeHass("fr", [OVERALL, term, unit]), { device_id: LEA }),
    );
    expect(texts(root, "li.row > span:first-child")).toEqual([
      "Moyenne générale",
      "Moyenne Trimestre 1",
      "My UE",
    ]);
  });

  it("lists the latest five grades on their scale, marks as text, then the averages", async () => {
    const root = shadow(
      await mount("schoolbag-grades-card", fakeHass("en", [WITH_RECENT, OVERALL, TERM]), { device_id: LEA }),
    );
    expect(root.querySelector("div.latest")).toBeNull();
    expect(texts(root, ".recent > .secondary")).toEqual(["Latest grades"]);
    // The sensor's own grade (its state) is the newest with a value.
    expect(texts(root, ".latest .value")).toEqual(["15.5/20"]);
    expect(texts(root, "li.grade .subject")).toEqual(["Mathématiques", "SVT", "Physique-chimie", "EPS", "Anglais"]);
    expect(texts(root, "li.grade .figure")).toEqual(["15.5/20", "Absent", "7.5/10", "Exempt", "13/20"]);
    expect(texts(root, "li.grade .main .secondary")).toEqual([
      "Contrôle 3 · class 12.25 · coef. 2",
      "TP cellules · class 11",
      "Interrogation",
      "Demi-fond",
      "Oral · class 12.5",
    ]);
    // Marks are told apart from numbers, for their quieter look.
    expect([...root.querySelectorAll("li.grade .figure")].map((el) => el.classList.contains("mark"))).toEqual([
      false,
      true,
      false,
      true,
      false,
    ]);
    expect(texts(root, "li.row > span:first-child")).toEqual(["Overall average", "Average Trimestre 1"]);
    expect(texts(root, "li.row .figure")).toEqual(["14.2", "13.46/20 class 11"]);
  });

  it("marks the newest grade with a value as the latest, after special marks", async () => {
    const absentFirst = state("sensor.lea_latest_grade", "7.5", { ...LATEST.attributes, recent: RECENT.slice(1) });
    const root = shadow(await mount("schoolbag-grades-card", fakeHass("en", [absentFirst]), { device_id: LEA }));
    expect(texts(root, "li.grade .figure")[0]).toBe("Absent");
    expect(texts(root, ".latest .subject")).toEqual(["Physique-chimie"]);
    expect(texts(root, ".latest .value")).toEqual(["7.5/10"]);
  });

  it("shows as many grades as its `grades` option says, from 1 to 10", async () => {
    const twelve = Array.from({ length: 12 }, (_, i) => recent(`Subject ${i + 1}`, `Test ${i + 1}`, i));
    const many = state("sensor.lea_latest_grade", "0", { ...LATEST.attributes, recent: twelve });
    const shown = async (grades: unknown, latest = many) =>
      texts(
        shadow(await mount("schoolbag-grades-card", fakeHass("en", [latest]), { device_id: LEA, grades })),
        "li.grade .subject",
      ).length;
    expect(await shown(2)).toBe(2);
    expect(await shown(10)).toBe(10);
    expect(await shown(99)).toBe(10);
    expect(await shown(0)).toBe(1);
    expect(await shown("3")).toBe(3);
    expect(await shown("many")).toBe(5);
    expect(await shown(undefined)).toBe(5);
    // No more than the sensor lists.
    expect(await shown(10, WITH_RECENT)).toBe(7);
  });

  it("lists the grades in French and Danish", async () => {
    const fr = shadow(await mount("schoolbag-grades-card", fakeHass("fr", [WITH_RECENT]), { device_id: LEA, grades: 4 }));
    expect(texts(fr, ".recent > .secondary")).toEqual(["Dernières notes"]);
    expect(texts(fr, "li.grade .figure")).toEqual(["15,5/20", "Absent", "7,5/10", "Dispensé"]);
    expect(texts(fr, "li.grade .main .secondary")[0]).toBe("Contrôle 3 · classe 12,25 · coef. 2");

    const da = shadow(await mount("schoolbag-grades-card", fakeHass("da", [WITH_RECENT]), { device_id: LEA, grades: 2 }));
    expect(texts(da, ".recent > .secondary")).toEqual(["Seneste karakterer"]);
    expect(texts(da, "li.grade .figure")).toEqual(["15,5/20", "Fraværende"]);
  });

  it("keeps the single latest grade for a Schoolbag without the `recent` list", async () => {
    const root = shadow(await mount("schoolbag-grades-card", fakeHass("en", [LATEST]), { device_id: LEA }));
    expect(root.querySelector(".recent")).toBeNull();
    expect(texts(root, "li.grade")).toEqual([]);
    expect(texts(root, ".latest .value")).toEqual(["15.5/20"]);
  });

  it("says there is no grade yet when the `recent` list is empty", async () => {
    const empty = state("sensor.lea_latest_grade", "unknown", { recent: [] });
    const root = shadow(await mount("schoolbag-grades-card", fakeHass("en", [empty, OVERALL]), { device_id: LEA }));
    expect(texts(root, ".message")).toEqual(["No grade yet."]);
    expect(root.querySelector(".recent")).toBeNull();
    expect(texts(root, "li.row > span:first-child")).toEqual(["Overall average"]);
  });

  it("says when there is no grade yet", async () => {
    const none = state("sensor.tom_latest_grade", "unknown", {});
    const root = shadow(await mount("schoolbag-grades-card", fakeHass("en", [none]), { device_id: TOM }));
    expect(texts(root, ".message")).toEqual(["No grade yet."]);
    expect(texts(root, ".student")).toEqual(["Tom"]);
  });

  it("asks for a student when none is chosen", async () => {
    const root = shadow(await mount("schoolbag-grades-card", fakeHass(), {}));
    expect(texts(root, ".message")).toEqual(["Choose a student in the card's settings."]);
  });
});
