"""One coordinator per account: keeps the school session and refreshes data."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryAuthFailed
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.event import async_track_time_interval
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed
from homeassistant.util import dt as dt_util

from .client import (
    ChallengeFailedError,
    DoubleAuthRequiredError,
    InvalidCredentialsError,
    IpSuspendedError,
    RateLimitedError,
    SchoolClient,
    SchoolError,
    ServerUnavailableError,
    SessionExpiredError,
)
from .client.models import (
    Account,
    Canteen,
    Capability,
    GradeBook,
    Homework,
    Information,
    Lesson,
    Mailbox,
    MenuDay,
    Period,
    SchoolLife,
    Student,
    Wallet,
)
from .const import (
    CONF_STUDENTS,
    CONF_TRUST,
    CONF_WEEKS_AHEAD,
    DEFAULT_SCAN_INTERVAL,
    DOMAIN,
    HOMEWORK_DAYS_AHEAD,
    HOMEWORK_DAYS_BEHIND,
    LOGGER,
    MENU_DAYS_AHEAD,
    TIMETABLE_DAYS_AHEAD,
    TIMETABLE_DAYS_BEHIND,
)
from .data import SchoolbagData, StudentData
from .error_keys import error_reason, translation_key_for
from .grade_periods import join_periods, periods_to_complete
from .homework_ticks import HomeworkTicks
from .refresh_backoff import RefreshBackoff
from .store import LastGoodDataStore

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
    ) -> None:
        """Keep the client; the first refresh logs in."""
        super().__init__(
            hass,
            LOGGER,
            config_entry=entry,
            name=f"{DOMAIN} {entry.title}",
            update_interval=DEFAULT_SCAN_INTERVAL,
        )
        self.client = client
        self.store = store
        # Grades of terms that are over, read once per run: (student id, period id) -> book.
        self._ended_periods: dict[tuple[str, str], GradeBook] = {}
        self.ticks = HomeworkTicks(hass, entry.entry_id, client)
        self._backoff = RefreshBackoff(DEFAULT_SCAN_INTERVAL)
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
        """Map a client error; a blocked IP also gets a repair issue the user sees."""
        if isinstance(err, (ServerUnavailableError, SessionExpiredError)):
            # A passing outage: look again soon. Login problems, bans (their Retry-After
            # decides) and protocol changes keep the usual interval.
            self.update_interval = self._backoff.after_failure()
        if isinstance(err, IpSuspendedError):
            ir.async_create_issue(
                self.hass,
                DOMAIN,
                self._ip_issue_id,
                is_fixable=False,
                severity=ir.IssueSeverity.ERROR,
                translation_key="ip_suspended",
                translation_placeholders={"entry": self.config_entry.title},
            )
        return _coordinator_error(err)

    @property
    def _ip_issue_id(self) -> str:
        return f"ip_suspended_{self.config_entry.entry_id}"

    def _persist_trust(self) -> None:
        """Store refreshed double-auth trust so restarts skip the question."""
        async_save_trust(self.hass, self.config_entry, self.client.trust)

    @callback
    def async_start_keep_alive(self) -> None:
        """Ping idle sessions of platforms that need it, until the entry unloads."""
        interval = self.client.keep_alive_interval
        if interval is None:
            return

        async def ping(_now: datetime) -> None:
            await self.client.keep_alive()

        self.config_entry.async_on_unload(
            async_track_time_interval(self.hass, ping, interval, name=f"{DOMAIN} keep-alive")
        )

    async def _async_update_data(self) -> SchoolbagData:
        await self._login()
        # Ticks made while the school was away go first: the data read next shows them.
        await self.ticks.async_send_waiting()
        try:
            wallets: list[Wallet] = []
            if Capability.WALLETS in self.client.capabilities:
                wallets = await self.client.wallets()
            students = [await self._fetch_student(student, wallets) for student in self.students]
        except SchoolError as err:
            raise self._refresh_error(err) from err
        self._persist_trust()
        self._backoff.reset()
        self.update_interval = DEFAULT_SCAN_INTERVAL
        ir.async_delete_issue(self.hass, DOMAIN, self._ip_issue_id)
        data = SchoolbagData(
            fetched_at=dt_util.utcnow(),
            account=self.account,
            students={data.student.id: data for data in students},
        )
        await self.store.async_save(data)
        await self.ticks.async_forget_gone(data)
        self._reload_when_students_change()
        return self.ticks.shown(data)

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

    async def _fetch_student(self, student: Student, wallets: list[Wallet]) -> StudentData:
        client = self.client
        capabilities = client.capabilities
        today = dt_util.now().date()
        lessons: list[Lesson] = []
        homework: list[Homework] = []
        grades: GradeBook | None = None
        school_life: SchoolLife | None = None
        mailbox: Mailbox | None = None
        canteen: Canteen | None = None
        menus: list[MenuDay] = []
        information: list[Information] | None = None
        if Capability.TIMETABLE in capabilities:
            lessons = await client.timetable(
                student.id,
                today - timedelta(days=TIMETABLE_DAYS_BEHIND),
                today + self._timetable_ahead,
            )
        if Capability.HOMEWORK in capabilities:
            homework = await client.homework(
                student.id,
                today - timedelta(days=HOMEWORK_DAYS_BEHIND),
                today + timedelta(days=HOMEWORK_DAYS_AHEAD),
            )
        if Capability.GRADES in capabilities:
            grades = await self._grades(student.id, today)
        if Capability.SCHOOL_LIFE in capabilities:
            school_life = await client.school_life(student.id)
        if Capability.MESSAGES in capabilities:
            mailbox = await client.mailbox(student.id)
        if Capability.CANTEEN in capabilities:
            canteen = await client.canteen(student.id)
        if Capability.MENUS in capabilities:
            menus = await client.menus(student.id, today, today + timedelta(days=MENU_DAYS_AHEAD))
        if Capability.INFORMATION in capabilities:
            information = await client.information(student.id)
        return StudentData(
            student=student,
            menus=tuple(menus),
            information=None if information is None else tuple(information),
            lessons=tuple(lessons),
            homework=tuple(homework),
            grades=grades,
            school_life=school_life,
            mailbox=mailbox,
            canteen=canteen,
            wallets=tuple(w for w in wallets if w.student_id in (None, student.id)),
        )

    @property
    def _timetable_ahead(self) -> timedelta:
        weeks = self.config_entry.options.get(CONF_WEEKS_AHEAD)
        if weeks is None:
            return timedelta(days=TIMETABLE_DAYS_AHEAD)
        return timedelta(weeks=int(weeks))

    async def _grades(self, student_id: str, today: date) -> GradeBook:
        """The current period's grades, joined to those of the periods that are over."""
        book = await self.client.grades(student_id)
        others: list[tuple[Period, GradeBook]] = []
        for period in periods_to_complete(book, today):
            key = (student_id, period.id)
            if key not in self._ended_periods:
                self._ended_periods[key] = await self.client.grades(student_id, period.id)
            others.append((period, self._ended_periods[key]))
        return join_periods(book, others)

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


def _coordinator_error(err: SchoolError) -> ConfigEntryAuthFailed | UpdateFailed:
    """What the coordinator raises: reauth for login problems, else a failed update."""
    if isinstance(err, (InvalidCredentialsError, DoubleAuthRequiredError, ChallengeFailedError)):
        return ConfigEntryAuthFailed(
            translation_domain=DOMAIN, translation_key=translation_key_for(err)
        )
    return _update_failed(err)


def _update_failed(err: SchoolError) -> UpdateFailed:
    retry_after = err.retry_after if isinstance(err, RateLimitedError) else None
    return UpdateFailed(
        translation_domain=DOMAIN,
        translation_key=translation_key_for(err),
        translation_placeholders={"reason": error_reason(err)},
        retry_after=retry_after,
    )
