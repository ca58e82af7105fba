"""The space pages ("espaces") served by the simulator and their numbers (Pronote protocol §1.1)."""

from __future__ import annotations

from dataclasses import dataclass

from simulator.pronote.fixtures.models import PARENT_SPACE, STUDENT_SPACE

ROOT = "/pronote"


@dataclass(frozen=True)
class Space:
    """One space page: ``kind`` is the account space, ``number`` the bootstrap ``a``."""

    page: str
    kind: str
    number: int
    mobile: bool
    title: str

    @property
    def path(self) -> str:
        return f"{ROOT}/{self.page}"


SPACES: dict[str, Space] = {
    space.page: space
    for space in (
        Space("eleve.html", STUDENT_SPACE, 3, False, "Espace Élèves"),
        Space("parent.html", PARENT_SPACE, 2, False, "Espace Parents"),
        Space("mobile.eleve.html", STUDENT_SPACE, 6, True, "Espace Élèves"),
        Space("mobile.parent.html", PARENT_SPACE, 7, True, "Espace Parents"),
    )
}


def space_for(kind: str, *, mobile: bool = False) -> Space:
    """The desktop (or mobile) page of ``"eleve"`` / ``"parent"``."""
    page = f"{'mobile.' if mobile else ''}{kind}.html"
    try:
        return SPACES[page]
    except KeyError as err:
        raise ValueError(f"unknown space {kind!r}") from err
