"""Pick the bulletin parser from ``type`` and honour the publication switch (ScoDoc protocol §5)."""

from __future__ import annotations

from typing import Any

from ..errors import ProtocolChangedError
from ..values import text
from .bulletin_data import BulletinData
from .fields import flag
from .models import Semester
from .parsers_bulletin_but import parse_but_bulletin
from .parsers_bulletin_classic import parse_classic_bulletin

# A published bulletin carries its grades under these keys (empty when nothing is graded).
_BUT_SECTIONS = frozenset({"ues", "ressources", "saes"})
_CLASSIC_SECTIONS = frozenset({"ue"})


def parse_bulletin(data: Any, semester: Semester) -> BulletinData:
    """A BUT bulletin when ``type`` is ``"BUT"``, the classic one otherwise.

    An unpublished bulletin (``publie`` false, ``0`` for classic ones) holds no grades:
    nothing is shown, as the students' own gateway does.
    """
    if not isinstance(data, dict):
        raise ProtocolChangedError("ScoDoc's bulletin is not a JSON object")
    if not flag(data.get("publie"), default=True):
        return BulletinData(published=False)
    if text(data.get("type")).upper() == "BUT":
        _require_sections(data, _BUT_SECTIONS, "BUT")
        return parse_but_bulletin(data, semester)
    _require_sections(data, _CLASSIC_SECTIONS, "classic")
    return parse_classic_bulletin(data, semester)


def _require_sections(data: dict[str, Any], sections: frozenset[str], kind: str) -> None:
    """A published bulletin always has its grade sections, even when they are empty."""
    if not sections & data.keys():
        raise ProtocolChangedError(f"the published {kind} ScoDoc bulletin has no grade sections")
