"""One coordinator per account: keeps the school session and refreshes data."""

from __future__ import annotations

from datetime import datetime, timedelta

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryAuthFailed
from homeassistant.helpers.event import async_track_time_interval
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed
from homeassistant.util import dt as dt_util

from .client import BudgetLimits, RequestBudget, SchoolClient, SchoolError
from .client.models import Account, Student
from .const import CONF_STUDENTS, CONF_TRUST, DOMAIN, LOGGER
from .data import SchoolbagData
from .homework_ticks import HomeworkTicks
from .public_holidays import PublicHolidays
from .refresh_backoff import RefreshBackoff
from .refresh_errors import (
    async_clear_held_back,
    async_report_held_back,
    coordinator_error,
    is_passing_outage,
)
from .refresh_schedule import (
    NextRefresh,
    RefreshReason,
    ScheduleOptions,
    SchoolCalendar,
    next_refresh,
)
from .store import LastGoodDataStore
from .student_fetch import StudentFetcher

type SchoolbagConfigEntry = ConfigEntry[SchoolbagCoordinator]


class SchoolbagCoordinator(DataUpdateCoordinator[SchoolbagData]):
    """Fetches every followed student's data, reusing one logged-in client."""

    config_entry: SchoolbagConfigEntry

    def __init__(
        self,
        hass: HomeAssistant,
        entry: SchoolbagConfigEntry,
        client: SchoolClient,
        store: LastGoodDataStore,
        budget: RequestBudget,
    ) -> None:
        """Keep the client; the first refresh logs in."""
        schedule = ScheduleOptions.from_options(entry.options)
        super().__init__(
            hass,
            LOGGER,
            config_entry=entry,
            name=f"{DOMAIN} {entry.title}",
            update_interval=schedule.interval,
        )
        self.client = client
        self.store = store
        # Spent by every request of the account's session (see school_session).
        self.budget = budget
        self._fetcher = StudentFetcher(client, entry)
        self.ticks = HomeworkTicks(hass, entry.entry_id, client)
        self.schedule = schedule
        self._calendar = SchoolCalendar({})
        self._public_holidays = PublicHolidays(client.platform)
        self.next_refresh: NextRefresh | None = None
        self._keep_alive_until: datetime | None = None
        self._backoff = RefreshBackoff(self.schedule.interval)
        # The students whose devices were set up; a change reloads the entry.
        self._students_set_up: frozenset[str] | None = None

    @property
    def account(self) -> Account:
        """The logged-in account, or the one saved with the last good data."""
        account = self.client.account
        if account is None:
            account = self.data.account
        return account

    @property
    def students(self) -> list[Student]:
        """The students this entry follows, in the account's order."""
        chosen = self.config_entry.options.get(CONF_STUDENTS)
        students = list(self.account.students)
        if not chosen:
            return students
        return [student for student in students if student.id in chosen]

    async def _async_setup(self) -> None:
        """Read the homework ticked in Home Assistant, then log in once."""
        await self.ticks.async_load()
        await self._login()

    async def _login(self) -> Account:
        try:
            account = await self.client.login()
        except SchoolError as err:
            raise self._refresh_error(err) from err
        self._persist_trust()
        return account

    def _refresh_error(self, err: SchoolError) -> ConfigEntryAuthFailed | UpdateFailed:
        """Map a client error; a ban or the spent budget also gets a repair issue."""
        now = dt_util.now()
        planned = next_refresh(now, self._calendar, self.schedule).at - now
        error = coordinator_error(err)
        held_until = now + planned
        if is_passing_outage(err):
            # Look again soon, then less and less often, up to when the schedule would.
            self._backoff.interval = max(self.schedule.interval, planned)
            self.update_interval = self._backoff.after_failure()
            self.next_refresh = NextRefresh(now + self.update_interval, RefreshReason.RETRY)
        elif isinstance(error, UpdateFailed) and error.retry_after is not None:
            # A ban holds the next refresh back, even past a school-hours interval.
            error.retry_after = max(error.retry_after, planned.total_seconds())
            held_until = now + timedelta(seconds=error.retry_after)
            self.next_refresh = NextRefresh(held_until, RefreshReason.RETRY)
        async_report_held_back(self.hass, self.config_entry, err, held_until)
        return error

    def _persist_trust(self) -> None:
        """Store refreshed double-auth trust so restarts skip the question."""
        async_save_trust(self.hass, self.config_entry, self.client.trust)

    @callback
    def async_start_keep_alive(self) -> None:
        """Ping idle sessions of platforms that need it, until the entry unloads."""
        interval = self.client.keep_alive_interval
        if interval is None:
            return

        async def ping(now: datetime) -> None:
            if self._keep_alive_until is not None and now < self._keep_alive_until:
                await self.client.keep_alive()

        self.config_entry.async_on_unload(
            async_track_time_interval(self.hass, ping, interval, name=f"{DOMAIN} keep-alive")
        )

    async def _async_update_data(self) -> SchoolbagData:
        await self._login()
        # Ticks made while the school was away go first: the data read next shows them.
        await self.ticks.async_send_waiting()
        try:
            students = await self._fetcher.async_fetch(self.students)
        except SchoolError as err:
            raise self._refresh_error(err) from err
        self._persist_trust()
        self._backoff.reset()
        async_clear_held_back(self.hass, self.config_entry)
        self.budget.limits = BudgetLimits.for_students(len(students))
        data = SchoolbagData(
            fetched_at=dt_util.utcnow(),
            account=self.account,
            students={data.student.id: data for data in students},
        )
        await self._public_holidays.async_cover(self.hass, dt_util.now().date())
        self._plan_next_refresh(data)
        await self.store.async_save(data)
        await self.ticks.async_forget_gone(data)
        self._reload_when_students_change()
        return self.ticks.shown(data)

    def _plan_next_refresh(self, data: SchoolbagData) -> NextRefresh:
        """Schedule the refresh after ``data`` by the school's calendar it shows."""
        now = dt_util.now()
        fetched = dt_util.as_local(data.fetched_at)
        self._calendar = SchoolCalendar.from_data(
            (lesson for student in data.students.values() for lesson in student.lessons),
            (student.grades for student in data.students.values() if student.grades),
            self._fetcher.timetable_window(fetched.date()),
            now.tzinfo or dt_util.get_default_time_zone(),
            self._public_holidays.days,
        )
        self.next_refresh = next_refresh(fetched, self._calendar, self.schedule)
        self.update_interval = max(self.next_refresh.at - now, timedelta(0))
        # Sessions are kept open only where the pings cost less than logging in again.
        pays = self.client.keep_alive_pays(self.update_interval)
        self._keep_alive_until = self.next_refresh.at if pays else None
        return self.next_refresh

    async def async_resume(self, saved: SchoolbagData) -> bool:
        """After a restart, show ``saved`` as fresh until its next refresh is due.

        False (nothing changed) when that refresh is already due.
        """
        await self._public_holidays.async_cover(self.hass, dt_util.now().date())
        if self._plan_next_refresh(saved).at <= dt_util.now():
            return False
        await self.ticks.async_load()
        self.data = self.ticks.shown(saved)
        self._students_set_up = frozenset(saved.students)
        return True

    @callback
    def _reload_when_students_change(self) -> None:
        """A child newly on the account (or gone) gets (or loses) a device at once."""
        followed = frozenset(student.id for student in self.students)
        if self._students_set_up is None:
            self._students_set_up = followed
        elif followed != self._students_set_up:
            LOGGER.info("%s: the followed children changed; reloading", self.config_entry.title)
            self.hass.config_entries.async_schedule_reload(self.config_entry.entry_id)

    @callback
    def async_use_saved_data(self, data: SchoolbagData) -> None:
        """Start from the last good data while the school cannot be reached.

        The refresh stays marked as failed, so sensors are unavailable while
        calendars and the to-do list show what was fetched at ``fetched_at``.
        """
        self.data = self.ticks.shown(data)
        # The entities are built for these students; the first refresh compares with them.
        self._students_set_up = frozenset(data.students)
        LOGGER.warning(
            "%s: the school cannot be reached; showing data fetched at %s",
            self.config_entry.title,
            data.fetched_at.isoformat(),
        )

    async def async_set_homework_done(self, student_id: str, homework_id: str, done: bool) -> None:
        """Tick or untick homework: on the school, waiting for it, or here; then show it."""
        sent = await self.ticks.async_set(student_id, homework_id, done)
        if (shown := self.ticks.shown_again()) is not None:
            self.data = shown
            self.async_update_listeners()
        if sent:
            await self.async_request_refresh()


@callback
def async_save_trust(
    hass: HomeAssistant, entry: SchoolbagConfigEntry, trust: dict[str, str]
) -> None:
    """Keep what spares a new double authentication (and rotating tokens) in the entry."""
    if trust and trust != entry.data.get(CONF_TRUST):
        hass.config_entries.async_update_entry(entry, data={**entry.data, CONF_TRUST: trust})
