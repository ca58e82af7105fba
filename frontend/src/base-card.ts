// What the three cards share: the configuration, the chosen student and the editor.
import { LitElement, html, type TemplateResult } from "lit";
import { property } from "lit/decorators.js";
import type { HomeAssistant, SchoolbagCardConfig } from "./hass";
import { localize } from "./localize";
import { deviceName, students } from "./students";
import type { TranslationKey } from "./translations/en";

export abstract class SchoolbagCard extends LitElement {
  @property({ attribute: false }) hass?: HomeAssistant;
  @property({ attribute: false }) config?: SchoolbagCardConfig;

  static getConfigElement(): HTMLElement {
    return document.createElement("schoolbag-card-editor");
  }

  /** A new card shows the first student. */
  static getStubConfig(hass: HomeAssistant): Omit<SchoolbagCardConfig, "type"> {
    const first = students(hass)[0];
    return first ? { device_id: first.deviceId } : {};
  }

  setConfig(config: SchoolbagCardConfig): void {
    if (!config || typeof config !== "object") {
      throw new Error("Invalid configuration");
    }
    this.config = config;
  }

  getCardSize(): number {
    return 4;
  }

  getGridOptions(): Record<string, number> {
    return { columns: 12, min_columns: 6, min_rows: 2 };
  }

  protected get deviceId(): string | undefined {
    return this.config?.device_id;
  }

  protected t(key: TranslationKey, values?: Record<string, string>): string {
    return this.hass ? localize(this.hass, key, values) : key;
  }

  protected header(title: string): TemplateResult {
    const device = this.deviceId;
    return html`<div class="header">
      <span class="title">${title}</span>
      <span class="student">${this.hass && device ? deviceName(this.hass, device) : ""}</span>
    </div>`;
  }

  protected override render(): TemplateResult {
    const hass = this.hass;
    const deviceId = this.deviceId;
    const body = hass && deviceId ? this.content(hass, deviceId) : this.message(this.t("card.no_student"));
    return html`<ha-card>${body}</ha-card>`;
  }

  /** What the card shows for the chosen student. */
  protected abstract content(hass: HomeAssistant, deviceId: string): TemplateResult;

  protected message(text: string, error = false): TemplateResult {
    return html`<div class="message ${error ? "error" : ""}">${text}</div>`;
  }
}
