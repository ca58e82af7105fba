// Homework items of the to-do entity, grouped by the day they are due.
import { addDays, dayOf } from "./dates";

/** An item as `todo/item/subscribe` sends it. */
export interface TodoItem {
  uid: string;
  summary: string;
  status: "needs_action" | "completed";
  due?: string | null;
  description?: string | null;
}

export interface HomeworkDay {
  day: string;
  items: TodoItem[];
}

/** Items due from today for `days` days, by day; undated ones are left out. */
export function homeworkByDay(
  items: TodoItem[],
  today: string,
  days: number,
  zone: string,
): HomeworkDay[] {
  const last = addDays(today, days - 1);
  const byDay = new Map<string, TodoItem[]>();
  for (const item of items) {
    if (!item.due) {
      continue;
    }
    const day = dayOf(item.due, zone);
    if (day >= today && day <= last) {
      byDay.set(day, [...(byDay.get(day) ?? []), item]);
    }
  }
  return [...byDay.keys()].sort().map((day) => ({ day, items: byDay.get(day)! }));
}
