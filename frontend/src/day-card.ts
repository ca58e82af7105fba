// The day card: today's lessons, or the next school day's once the last lesson is over.
import { css, html, nothing, type PropertyValues, type TemplateResult } from "lit";
import { state } from "lit/decorators.js";
import { SchoolbagCard } from "./base-card";
import { addDays, dayKey, formatDay, formatTime, timeZone } from "./dates";
import type { HassEntity, HomeAssistant } from "./hass";
import { studentEntity } from "./students";
import { cardStyles } from "./styles";
import {
  lessonStatuses,
  shownDay,
  toLessons,
  type CalendarApiEvent,
  type Lesson,
} from "./timetable";

const DAYS_READ = 8;
const MINUTE = 60_000;

export class SchoolbagDayCard extends SchoolbagCard {
  @state() private events?: CalendarApiEvent[];
  @state() private error?: string;
  private fetchedFor?: { entityId: string; stateObj: HassEntity | undefined; today: string };
  private timer?: ReturnType<typeof setInterval>;

  static override styles = [
    cardStyles,
    css`
      .lesson {
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 6px 0 6px 8px;
        border-left: 3px solid var(--divider-color, rgba(0, 0, 0, 0.12));
        margin-bottom: 4px;
      }
      .lesson.changed {
        border-left-color: var(--warning-color, #ffa600);
      }
      .lesson.exam {
        border-left-color: var(--info-color, #039be5);
      }
      .lesson.cancelled {
        border-left-color: var(--error-color, #db4437);
      }
      .lesson.cancelled .subject {
        text-decoration: line-through;
        color: var(--secondary-text-color, #727272);
      }
      .time {
        flex: none;
        min-width: 5ch;
        font-variant-numeric: tabular-nums;
        font-size: var(--ha-font-size-s, 12px);
        color: var(--secondary-text-color, #727272);
        text-align: right;
      }
      .main {
        flex: 1;
        min-width: 0;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    // The shown day moves on after the last lesson and at midnight.
    this.timer = setInterval(() => this.requestUpdate(), MINUTE);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  private get calendarId(): string | undefined {
    return this.hass && this.deviceId
      ? studentEntity(this.hass, this.deviceId, "calendar", "timetable")
      : undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const hass = this.hass;
    const entityId = this.calendarId;
    if (!hass || !entityId) {
      return;
    }
    const stateObj = hass.states[entityId];
    const today = dayKey(new Date(), timeZone(hass));
    const last = this.fetchedFor;
    if (last?.entityId === entityId && last.stateObj === stateObj && last.today === today) {
      return;
    }
    this.fetchedFor = { entityId, stateObj, today };
    void this.fetchEvents(entityId);
  }

  private async fetchEvents(entityId: string): Promise<void> {
    const now = Date.now();
    const start = new Date(now - 24 * 60 * MINUTE).toISOString();
    const end = new Date(now + DAYS_READ * 24 * 60 * MINUTE).toISOString();
    const path =
      `calendars/${entityId}?start=${encodeURIComponent(start)}` +
      `&end=${encodeURIComponent(end)}`;
    try {
      this.events = await this.hass!.callApi<CalendarApiEvent[]>("GET", path);
      this.error = undefined;
    } catch (err) {
      this.error = err instanceof Error ? err.message : String((err as { body?: unknown })?.body ?? err);
    }
  }

  protected content(hass: HomeAssistant): TemplateResult {
    const entityId = this.calendarId;
    if (!entityId) {
      return this.message(this.t("card.missing", { what: this.t("day.what") }));
    }
    if (this.error) {
      return html`${this.header(this.t("day.today"))}${this.message(
        this.t("card.error", { error: this.error }),
        true,
      )}`;
    }
    const zone = timeZone(hass);
    const now = new Date();
    const today = dayKey(now, zone);
    const lessons = toLessons(this.events ?? [], lessonStatuses(hass.states[entityId]?.attributes), zone);
    const shown = shownDay(lessons, now, today);
    const title =
      shown.day === today
        ? this.t("day.today")
        : shown.day === addDays(today, 1)
          ? this.t("day.tomorrow")
          : formatDay(hass, shown.day);
    return html`${this.header(title)}
      <div class="secondary">${formatDay(hass, shown.day)}</div>
      ${this.events === undefined
        ? nothing
        : shown.lessons.length === 0
          ? this.message(this.t("day.none"))
          : html`<ul>
              ${shown.lessons.map((lesson) => this.lesson(lesson))}
            </ul>`}`;
  }

  private lesson(lesson: Lesson): TemplateResult {
    const hass = this.hass!;
    const place = [lesson.location, ...lesson.details].filter(Boolean).join(" · ");
    return html`<li class="lesson ${lesson.status}" data-uid=${lesson.uid}>
      <div class="time">
        ${lesson.allDay
          ? nothing
          : html`${formatTime(hass, lesson.start)}<br />${formatTime(hass, lesson.end)}`}
      </div>
      <div class="main">
        <div class="subject">${lesson.summary}</div>
        ${place ? html`<div class="secondary">${place}</div>` : nothing}
      </div>
      ${lesson.status === "normal"
        ? nothing
        : html`<span class="badge ${lesson.status}">${this.t(`status.${lesson.status}`)}</span>`}
    </li>`;
  }
}
