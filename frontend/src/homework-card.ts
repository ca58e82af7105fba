// The homework card: due soon, by day, with a tick box that updates the to-do entity.
import { css, html, nothing, type PropertyValues, type TemplateResult } from "lit";
import { state } from "lit/decorators.js";
import { live } from "lit/directives/live.js";
import { SchoolbagCard } from "./base-card";
import { addDays, dayKey, formatDay, timeZone } from "./dates";
import type { HomeAssistant, Unsubscribe } from "./hass";
import { homeworkByDay, type TodoItem } from "./homework";
import { studentEntity } from "./students";
import { cardStyles } from "./styles";

export const DEFAULT_DAYS = 7;

export class SchoolbagHomeworkCard extends SchoolbagCard {
  @state() private items?: TodoItem[];
  /** Ticks sent and not answered yet: the wanted state by item uid. */
  @state() private sending = new Map<string, boolean>();
  /** Why Home Assistant refused a tick, by item uid. */
  @state() private refused = new Map<string, string>();
  private subscribedTo?: string;
  private unsubscribe?: Promise<Unsubscribe | undefined>;

  static override styles = [
    cardStyles,
    css`
      h3 {
        margin: 12px 0 4px;
        font-size: var(--ha-font-size-m, 14px);
        font-weight: var(--ha-font-weight-medium, 500);
        color: var(--secondary-text-color, #727272);
      }
      .item {
        display: flex;
        align-items: flex-start;
        gap: 8px;
        padding: 4px 0;
      }
      input[type="checkbox"] {
        flex: none;
        width: 20px;
        height: 20px;
        margin: 2px 0 0;
        accent-color: var(--primary-color, #03a9f4);
      }
      .main {
        flex: 1;
        min-width: 0;
      }
      .completed .summary {
        text-decoration: line-through;
        color: var(--secondary-text-color, #727272);
      }
      .description {
        white-space: pre-line;
      }
    `,
  ];

  private get todoId(): string | undefined {
    return this.hass && this.deviceId
      ? studentEntity(this.hass, this.deviceId, "todo", "homework")
      : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page (another view was shown): listen again.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopSubscription();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const entityId = this.isConnected ? this.todoId : undefined;
    if (entityId === this.subscribedTo) {
      return;
    }
    this.stopSubscription();
    this.subscribedTo = entityId;
    if (entityId && this.hass) {
      this.unsubscribe = this.hass.connection
        .subscribeMessage<{ items: TodoItem[] }>(
          (message) => {
            this.items = message.items;
          },
          { type: "todo/item/subscribe", entity_id: entityId },
        )
        .catch(() => undefined);
    }
  }

  private stopSubscription(): void {
    void this.unsubscribe?.then((stop) => stop?.());
    this.unsubscribe = undefined;
    this.subscribedTo = undefined;
    this.items = undefined;
  }

  private async tick(item: TodoItem, done: boolean): Promise<void> {
    const entityId = this.todoId;
    if (!this.hass || !entityId) {
      return;
    }
    this.sending = new Map([...this.sending, [item.uid, done]]);
    const refused = new Map(this.refused);
    refused.delete(item.uid);
    this.refused = refused;
    try {
      await this.hass.callService(
        "todo",
        "update_item",
        { item: item.uid, rename: item.summary, status: done ? "completed" : "needs_action" },
        { entity_id: entityId },
      );
    } catch (err) {
      const reason = err instanceof Error ? err.message : String((err as { message?: unknown })?.message ?? err);
      this.refused = new Map([...this.refused, [item.uid, reason]]);
    } finally {
      const sending = new Map(this.sending);
      sending.delete(item.uid);
      this.sending = sending;
    }
  }

  protected content(hass: HomeAssistant): TemplateResult {
    if (!this.todoId) {
      return this.message(this.t("card.missing", { what: this.t("homework.what") }));
    }
    if (this.items === undefined) {
      return this.header(this.t("homework.title"));
    }
    const zone = timeZone(hass);
    const today = dayKey(new Date(), zone);
    const days = homeworkByDay(this.items, today, this.config?.days ?? DEFAULT_DAYS, zone);
    return html`${this.header(this.t("homework.title"))}
      ${days.length === 0
        ? this.message(this.t("homework.none"))
        : days.map(
            ({ day, items }) => html`<h3>${this.dayTitle(day, today)}</h3>
              <ul>
                ${items.map((item) => this.item(item))}
              </ul>`,
          )}`;
  }

  private dayTitle(day: string, today: string): string {
    if (day === today) {
      return this.t("day.today");
    }
    return day === addDays(today, 1) ? this.t("day.tomorrow") : formatDay(this.hass!, day);
  }

  private item(item: TodoItem): TemplateResult {
    const done = item.status === "completed";
    const wanted = this.sending.get(item.uid);
    const sending = wanted !== undefined;
    const refused = this.refused.get(item.uid);
    return html`<li class="item ${item.status}" data-uid=${item.uid}>
      <input
        type="checkbox"
        .checked=${live(wanted ?? done)}
        ?disabled=${sending}
        aria-label=${item.summary}
        @change=${(event: Event) =>
          void this.tick(item, (event.target as HTMLInputElement).checked)}
      />
      <div class="main">
        <div class="summary">${item.summary}</div>
        ${item.description
          ? html`<div class="secondary description">${item.description}</div>`
          : nothing}
        ${sending ? html`<div class="secondary">${this.t("homework.sending")}</div>` : nothing}
        ${refused
          ? html`<div class="secondary error">${this.t("homework.refused", { error: refused })}</div>`
          : nothing}
      </div>
    </li>`;
  }
}
