// The grades card: the latest grade on its scale with the class average, then the averages.
import { css, html, nothing, type TemplateResult } from "lit";
import { SchoolbagCard } from "./base-card";
import type { HomeAssistant } from "./hass";
import { cardStyles } from "./styles";
import { formatNumber } from "./dates";
import { averages, latestGrade, latestGradeEntity, type AverageRow, type LatestGrade } from "./grades";
import type { TranslationKey } from "./translations/en";

const MARKS = ["absent", "exempt", "not_graded", "pending", "other"];

export class SchoolbagGradesCard extends SchoolbagCard {
  static override styles = [
    cardStyles,
    css`
      .latest {
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 4px 0 12px;
        border-bottom: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
      }
      .value {
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
    `,
  ];

  protected content(hass: HomeAssistant, deviceId: string): TemplateResult {
    const latestId = latestGradeEntity(hass, deviceId);
    const rows = averages(hass, deviceId);
    if (!latestId && rows.length === 0) {
      return this.message(this.t("card.missing", { what: this.t("grades.what") }));
    }
    const latest = latestId ? latestGrade(hass.states[latestId]) : null;
    return html`${this.header(this.t("grades.title"))}
      ${latest ? this.latest(latest) : this.message(this.t("grades.none"))}
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

  private latest(grade: LatestGrade): TemplateResult {
    const markText =
      grade.mark && MARKS.includes(grade.mark)
        ? this.t(`mark.${grade.mark}` as TranslationKey)
        : grade.raw || "–";
    const details = [
      grade.title,
      grade.classAverage === null
        ? ""
        : this.t("grades.class_average", { value: formatNumber(this.hass!, grade.classAverage) }),
      grade.coefficient === null || grade.coefficient === 1
        ? ""
        : this.t("grades.coefficient", { value: formatNumber(this.hass!, grade.coefficient) }),
    ].filter(Boolean);
    return html`<div class="latest">
      <span class="value">${this.score(grade.value, grade.outOf, markText)}</span>
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
