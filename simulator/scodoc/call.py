"""One API request as the handlers see it, and the errors they raise."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from aiohttp import web
from multidict import MultiMapping

from simulator.scodoc.fixtures import Json
from simulator.scodoc.scope import BadCodeType, Scope

if TYPE_CHECKING:
    from simulator.scodoc.simulator import ScoDocSimulator


class ApiNotFound(LookupError):
    """Answer 404 with this French message."""


class ApiBadRequest(ValueError):
    """Answer 400 with this message."""


@dataclass
class Call:
    """The simulator, the request, the root's scope and the route's path arguments."""

    sim: ScoDocSimulator
    request: web.Request
    scope: Scope
    args: dict[str, str]

    @property
    def query(self) -> MultiMapping[str]:
        return self.request.query

    def number(self, name: str) -> int:
        try:
            return int(self.args[name])
        except ValueError as err:
            raise ApiNotFound(f"identifiant invalide: {self.args[name]}") from err

    def students(self) -> list[Json]:
        """Records matching ``code_type``/``code`` (404 when none, 400 for a bad code type)."""
        try:
            found = self.scope.students_by_code(self.args["code_type"], self.args["code"])
        except BadCodeType as err:
            raise ApiBadRequest(f"code_type invalide: {err}") from err
        if not found:
            raise ApiNotFound("étudiant inconnu")
        return found

    def student(self) -> Json:
        return self.students()[0]

    def semester(self, name: str = "formsemestre_id") -> Json:
        found = self.scope.semester(self.number(name))
        if found is None:
            raise ApiNotFound("formsemestre inexistant")
        return found

    def query_date(self, name: str) -> date | None:
        raw = self.query.get(name)
        if not raw:
            return None
        try:
            return date.fromisoformat(raw[:10])
        except ValueError as err:
            raise ApiBadRequest(f"date invalide: {name}") from err
