"""What a parsed bulletin gives the client, whatever its kind."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Average, Grade


@dataclass(frozen=True, slots=True)
class BulletinData:
    """Averages and grades of one semester.

    ``published`` is False when the department does not publish the bulletin: then there
    is nothing else. ``module_titles`` maps module instance ids to titles (for absences).
    """

    published: bool = True
    averages: tuple[Average, ...] = ()
    grades: tuple[Grade, ...] = ()
    group: str | None = None
    module_titles: dict[int, str] = field(default_factory=dict)
