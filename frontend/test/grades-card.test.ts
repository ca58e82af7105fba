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
  out_of: 20,
  class_average: 11,
});

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
