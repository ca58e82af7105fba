"""What every logged-in page needs: school, student, the demo clock and rendering switches."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from simulator.lectio.fixtures.messages import Message, build_messages
from simulator.lectio.fixtures.people import School, Student
from simulator.lectio.pages.bricks import BrickStyle


@dataclass(frozen=True, slots=True)
class View:
    """The logged-in student's page context.

    ``holidays``: days with no brick on the schedule; ``delivered``: messages a test sent
    after the demo's own (newest first).
    """

    school: School
    student: Student
    now: datetime
    legacy_tooltips: bool = False
    holidays: frozenset[date] = frozenset()
    delivered: tuple[Message, ...] = ()

    @property
    def today(self) -> date:
        return self.now.date()

    @property
    def style(self) -> BrickStyle:
        return BrickStyle(self.school.id, self.student.elevid, self.legacy_tooltips)

    def messages(self) -> tuple[Message, ...]:
        """Every message thread, newest first."""
        return (*self.delivered, *build_messages(self.now))

    def url(self, page: str) -> str:
        return f"/lectio/{self.school.id}/{page}"
