// Lessons from the timetable calendar, and which day the day card shows.
import { addDays, dayOf } from "./dates";

/** An event as `GET /api/calendars/<entity_id>` returns it. */
export interface CalendarApiEvent {
  start: { dateTime?: string; date?: string };
  end: { dateTime?: string; date?: string };
  summary: string;
  description?: string | null;
  location?: string | null;
  uid?: string | null;
}

export type LessonStatus = "normal" | "changed" | "cancelled" | "exam" | "exempted";
const MARKED: readonly LessonStatus[] = ["changed", "cancelled", "exam", "exempted"];

/**
 * The status labels the integration appends to a lesson's summary, " (<label>)", in Home
 * Assistant's language (STATUS_LABELS in custom_components/schoolbag/calendar.py): every
 * language's, since the card's language may differ from Home Assistant's.
 */
const STATUS_LABELS: Record<Exclude<LessonStatus, "normal">, readonly string[]> = {
  cancelled: ["cancelled", "annulé", "aflyst"],
  changed: ["changed", "modifié", "ændret"],
  exam: ["exam", "examen", "eksamen"],
  exempted: ["exempted", "dispensé", "fritaget"],
};

/** The summary without the integration's trailing " (<label>)" of the lesson's status. */
export function subjectOf(summary: string, status: LessonStatus): string {
  if (status === "normal") {
    return summary;
  }
  for (const label of STATUS_LABELS[status]) {
    const suffix = ` (${label})`;
    if (summary.endsWith(suffix) && summary.length > suffix.length) {
      return summary.slice(0, -suffix.length);
    }
  }
  return summary;
}

export interface Lesson {
  uid: string;
  summary: string;
  start: string;
  end: string;
  allDay: boolean;
  day: string;
  location: string;
  details: string[];
  status: LessonStatus;
}

export interface ShownDay {
  day: string;
  lessons: Lesson[];
}

/**
 * The status of each lesson, by event uid, where the calendar entity gives it.
 *
 * The calendar API only carries summary, description and location, where the status
 * is written as translated prose; it is not parsed. The timetable calendar's
 * `lesson_status` attribute ({uid: status} for lessons that are not normal) is read instead.
 */
export function lessonStatuses(attributes: Record<string, unknown> | undefined): Map<string, LessonStatus> {
  const statuses = new Map<string, LessonStatus>();
  const given = attributes?.["lesson_status"];
  if (given && typeof given === "object") {
    for (const [uid, status] of Object.entries(given as Record<string, unknown>)) {
      if (MARKED.includes(status as LessonStatus)) {
        statuses.set(uid, status as LessonStatus);
      }
    }
  }
  return statuses;
}

export function toLessons(
  events: CalendarApiEvent[],
  statuses: Map<string, LessonStatus>,
  zone: string,
): Lesson[] {
  return events
    .map((event, index) => {
      const allDay = event.start.dateTime === undefined;
      const start = event.start.dateTime ?? event.start.date ?? "";
      const uid = event.uid ?? `event-${index}`;
      const status = statuses.get(uid) ?? "normal";
      return {
        uid,
        // The card shows the status as its own badge, in the user's language.
        summary: subjectOf(event.summary, status),
        start,
        end: event.end.dateTime ?? event.end.date ?? start,
        allDay,
        day: dayOf(start, zone),
        location: event.location ?? "",
        details: (event.description ?? "").split("\n").filter((line) => line.trim()),
        status,
      };
    })
    .sort((a, b) => Number(b.allDay) - Number(a.allDay) || Date.parse(a.start) - Date.parse(b.start));
}

/**
 * Today's lessons until the last one that takes place has ended; then those of the
 * next day that has lessons (tomorrow, or Monday on a Friday evening).
 */
export function shownDay(lessons: Lesson[], now: Date, today: string): ShownDay {
  const lessonsOn = (day: string): Lesson[] => lessons.filter((lesson) => lesson.day === day);
  const takingPlace = lessonsOn(today).filter(
    (lesson) => !lesson.allDay && lesson.status !== "cancelled",
  );
  if (takingPlace.some((lesson) => Date.parse(lesson.end) > now.getTime())) {
    return { day: today, lessons: lessonsOn(today) };
  }
  const next = lessons
    .map((lesson) => lesson.day)
    .filter((day) => day > today)
    .sort()[0];
  const day = next ?? addDays(today, 1);
  return { day, lessons: lessonsOn(day) };
}
