"""Pick the bulletin parser from ``type`` and honour the publication switch (spec 5)."""

from __future__ import annotations

from typing import Any

from ..errors import ProtocolChanged
from ..json_text import text
from .bulletin_data import BulletinData
from .models import Semester
from .parsers_bulletin_but import parse_but_bulletin
from .parsers_bulletin_classic import parse_classic_bulletin
from .values import flag


def parse_bulletin(data: Any, semester: Semester) -> BulletinData:
    """A BUT bulletin when ``type`` is ``"BUT"``, the classic one otherwise.

    An unpublished bulletin (``publie`` false, ``0`` for classic ones) holds no grades:
    nothing is shown, as the students' own gateway does.
    """
    if not isinstance(data, dict):
        raise ProtocolChanged("ScoDoc's bulletin is not a JSON object")
    if not flag(data.get("publie"), default=True):
        return BulletinData(published=False)
    if text(data.get("type")).upper() == "BUT":
        return parse_but_bulletin(data, semester)
    return parse_classic_bulletin(data, semester)
