"""How long the client serves a page's data before it reads the page again (Lectio §10).

The protocol notes ask to cache pages: the schedule for 15 to 30 minutes, assignments and
grades for hours. At the half-hourly refresh of school hours, the schedule weeks and the
front page are read each time; the other pages when a page read anyway shows a change, or
after their age.
"""

from __future__ import annotations

from ..aged_cache import hours_less_a_margin

# The schedule weeks of today and the NEAR_DAYS after (the days the change events watch) are
# read again after this many seconds; a week that is over is kept.
WEEK_CACHE_TTL = 5 * 60.0
NEAR_DAYS = 6
# Later weeks: calendars show them, but no change event watches them.
FAR_WEEK_CACHE_TTL = 2 * 3600.0
# The grade report holds term and exam grades, given a few times a year: read it again only
# after this many seconds (as Pronote's skills evaluations).
GRADE_REPORT_MAX_AGE = 6 * 3600.0
# Absence rates are percentages over the school year and move slowly: read them again after
# this many seconds, or at once when the list of registered absences changed.
ABSENCE_RATES_MAX_AGE = 6 * 3600.0
# Teachers register absences during the day: the reasons page is read every other refresh.
REGISTERED_ABSENCES_MAX_AGE = hours_less_a_margin(1)
ASSIGNMENTS_MAX_AGE = hours_less_a_margin(3)
# The homework overview is read again at once when the homework on the schedule weeks'
# lessons changed; only an edit past a tooltip's "[...]" waits for this age.
HOMEWORK_OVERVIEW_MAX_AGE = hours_less_a_margin(3)
# The message list is read again at once when the front page's unread counter or latest
# subjects changed; only a change that shows in neither waits for this age.
MESSAGES_MAX_AGE = hours_less_a_margin(3)
