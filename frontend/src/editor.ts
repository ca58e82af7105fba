// The visual editor of the three cards: pick the student (and, for homework, how far ahead;
// for grades, how many).
import { LitElement, css, html, nothing, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import type { HomeAssistant, SchoolbagCardConfig } from "./hass";
import { localize } from "./localize";
import { students } from "./students";
import type { TranslationKey } from "./translations/en";
import { DEFAULT_DAYS } from "./homework-card";
import { MAX_GRADES, gradesShown } from "./grades-card";

export class SchoolbagCardEditor extends LitElement {
  @property({ attribute: false }) hass?: HomeAssistant;
  @state() private config?: SchoolbagCardConfig;

  static override styles = css`
    label {
      display: block;
      margin-bottom: 12px;
      color: var(--primary-text-color, #212121);
    }
    select,
    input {
      display: block;
      box-sizing: border-box;
      width: 100%;
      margin-top: 4px;
      padding: 8px;
      font: inherit;
      color: var(--primary-text-color, #212121);
      background: var(--card-background-color, var(--ha-card-background, #fff));
      border: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
      border-radius: var(--ha-border-radius-sm, 4px);
    }
    .hint {
      color: var(--secondary-text-color, #727272);
    }
  `;

  setConfig(config: SchoolbagCardConfig): void {
    this.config = config;
  }

  private t(key: TranslationKey): string {
    return this.hass ? localize(this.hass, key) : key;
  }

  private change(update: Partial<SchoolbagCardConfig>): void {
    if (!this.config) {
      return;
    }
    this.config = { ...this.config, ...update };
    this.dispatchEvent(
      new CustomEvent("config-changed", {
        detail: { config: this.config },
        bubbles: true,
        composed: true,
      }),
    );
  }

  protected override render(): TemplateResult {
    if (!this.hass || !this.config) {
      return html``;
    }
    const choices = students(this.hass);
    if (choices.length === 0) {
      return html`<p class="hint">${this.t("editor.no_students")}</p>`;
    }
    const chosen = this.config.device_id;
    return html`<label>
        ${this.t("editor.student")}
        <select
          name="device_id"
          @change=${(event: Event) =>
            this.change({ device_id: (event.target as HTMLSelectElement).value })}
        >
          ${chosen && !choices.some((c) => c.deviceId === chosen)
            ? html`<option value=${chosen} selected>${chosen}</option>`
            : nothing}
          ${chosen ? nothing : html`<option value="" selected></option>`}
          ${choices.map(
            (choice) =>
              html`<option value=${choice.deviceId} ?selected=${choice.deviceId === chosen}>
                ${choice.name}
              </option>`,
          )}
        </select>
      </label>
      ${this.config.type.endsWith("schoolbag-homework-card")
        ? html`<label>
            ${this.t("editor.days")}
            <input
              name="days"
              type="number"
              min="1"
              max="31"
              .value=${String(this.config.days ?? DEFAULT_DAYS)}
              @change=${(event: Event) => {
                const days = Number((event.target as HTMLInputElement).value);
                if (Number.isInteger(days) && days >= 1) {
                  this.change({ days });
                }
              }}
            />
          </label>`
        : nothing}
      ${this.config.type.endsWith("schoolbag-grades-card")
        ? html`<label>
            ${this.t("editor.grades")}
            <input
              name="grades"
              type="number"
              min="1"
              max=${MAX_GRADES}
              .value=${String(gradesShown(this.config.grades))}
              @change=${(event: Event) => {
                const grades = Number((event.target as HTMLInputElement).value);
                if (Number.isInteger(grades) && grades >= 1 && grades <= MAX_GRADES) {
                  this.change({ grades });
                }
              }}
            />
          </label>`
        : nothing}`;
  }
}
