// The grades card: the latest grades on their scale with the class average, then the averages.
// Falls back to the single latest grade with a Schoolbag whose sensor has no `recent` list.
import { css, html, nothing, type TemplateResult } from "lit";
import { SchoolbagCard } from "./base-card";
import type { HomeAssistant } from "./hass";
import { cardStyles } from "./styles";
import { formatNumber } from "./dates";
import {
  averages,
  latestGrade,
  latestGradeEntity,
  recentGrades,
  type AverageRow,
  type LatestGrade,
} from "./grades";
import type { TranslationKey } from "./translations/en";

const MARKS = ["absent", "exempt", "not_graded", "pending", "other"];
/** How many of the latest grades the card shows: 5 unless its `grades` option says 1 to 10. */
export const DEFAULT_GRADES = 5;
export const MAX_GRADES = 10;

export function gradesShown(option: unknown): number {
  const count = typeof option === "number" ? option : Number.parseInt(String(option ?? ""), 10);
  return Number.isInteger(count) ? Math.min(Math.max(count, 1), MAX_GRADES) : DEFAULT_GRADES;
}

export class SchoolbagGradesCard extends SchoolbagCard {
  static override styles = [
    cardStyles,
    css`
      div.latest {
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 4px 0 12px;
        border-bottom: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
      }
      div.latest .value {
        flex: none;
        font-size: var(--ha-font-size-2xl, 24px);
        color: var(--primary-color, #03a9f4);
        font-variant-numeric: tabular-nums;
      }
      .scale {
        font-size: var(--ha-font-size-m, 14px);
        color: var(--secondary-text-color, #727272);
      }
      .main {
        flex: 1;
        min-width: 0;
      }
      .row {
        display: flex;
        justify-content: space-between;
        gap: 12px;
        padding: 6px 0;
      }
      .row .figure {
        flex: none;
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .recent {
        padding-bottom: 6px;
        border-bottom: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
      }
      .grade {
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        gap: 12px;
        padding: 6px 0;
      }
      .grade .figure {
        flex: none;
        max-width: 40%;
        text-align: right;
        font-variant-numeric: tabular-nums;
        font-size: var(--ha-font-size-l, 16px);
        color: var(--primary-color, #03a9f4);
        overflow-wrap: normal;
      }
      .grade .figure.mark {
        font-size: var(--ha-font-size-m, 14px);
        color: var(--secondary-text-color, #727272);
      }
    `,
  ];

  protected content(hass: HomeAssistant, deviceId: string): TemplateResult {
    const latestId = latestGradeEntity(hass, deviceId);
    const rows = averages(hass, deviceId);
    if (!latestId && rows.length === 0) {
      return this.message(this.t("card.missing", { what: this.t("grades.what") }));
    }
    const stateObj = latestId ? hass.states[latestId] : undefined;
    const recent = recentGrades(stateObj, gradesShown(this.config?.grades));
    const latest = recent === null ? latestGrade(stateObj) : null;
    let grades: TemplateResult;
    if (recent?.length) {
      grades = this.recent(recent);
    } else if (latest) {
      grades = this.latest(latest);
    } else {
      grades = this.message(this.t("grades.none"));
    }
    return html`${this.header(this.t("grades.title"))} ${grades}
      ${rows.length ? html`<ul>${rows.map((row) => this.average(row))}</ul>` : nothing}`;
  }

  private score(value: number | null, outOf: number | null, fallback = "–"): TemplateResult {
    if (value === null) {
      return html`${fallback}`;
    }
    const number = formatNumber(this.hass!, value);
    return outOf === null
      ? html`${number}`
      : html`${number}<span class="scale">/${formatNumber(this.hass!, outOf)}</span>`;
  }

  private markText(grade: LatestGrade): string {
    return grade.mark && MARKS.includes(grade.mark)
      ? this.t(`mark.${grade.mark}` as TranslationKey)
      : grade.raw || "–";
  }

  /** The evaluation's title, the class average and a coefficient other than 1. */
  private details(grade: LatestGrade): string[] {
    return [
      grade.title,
      grade.classAverage === null
        ? ""
        : this.t("grades.class_average", { value: formatNumber(this.hass!, grade.classAverage) }),
      grade.coefficient === null || grade.coefficient === 1
        ? ""
        : this.t("grades.coefficient", { value: formatNumber(this.hass!, grade.coefficient) }),
    ].filter(Boolean);
  }

  private recent(grades: LatestGrade[]): TemplateResult {
    // `latest` marks the sensor's own grade (its state): the newest one with a value.
    const latest = grades.findIndex((grade) => grade.value !== null);
    return html`<div class="recent">
      <div class="secondary">${this.t("grades.recent")}</div>
      <ul>
        ${grades.map((grade, index) => {
          const details = this.details(grade);
          return html`<li class="grade ${index === latest ? "latest" : ""}">
            <div class="main">
              <div class="subject">${grade.subject}</div>
              ${details.length ? html`<div class="secondary">${details.join(" · ")}</div>` : nothing}
            </div>
            <span class="figure value ${grade.value === null ? "mark" : ""}"
              >${this.score(grade.value, grade.outOf, this.markText(grade))}</span
            >
          </li>`;
        })}
      </ul>
    </div>`;
  }

  private latest(grade: LatestGrade): TemplateResult {
    const details = this.details(grade);
    return html`<div class="latest">
      <span class="value">${this.score(grade.value, grade.outOf, this.markText(grade))}</span>
      <div class="main">
        <div class="secondary">${this.t("grades.latest")}</div>
        <div class="subject">${grade.subject}</div>
        ${details.length ? html`<div class="secondary">${details.join(" · ")}</div>` : nothing}
      </div>
    </div>`;
  }

  private average(row: AverageRow): TemplateResult {
    return html`<li class="row" data-entity=${row.entityId}>
      <span>${row.name}</span>
      <span class="figure">
        ${this.score(row.value, row.outOf)}
        ${row.classAverage === null
          ? nothing
          : html`<div class="secondary">
              ${this.t("grades.class_average", { value: formatNumber(this.hass!, row.classAverage) })}
            </div>`}
      </span>
    </li>`;
  }
}
