"""Turn the neutral models into JSON-friendly data and back.

Used to keep the last good data on disk. Works for any frozen dataclass built
from str, int, float, bool, None, date, datetime, StrEnum, tuples, dicts with
str keys, and other such dataclasses.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum
import functools
import types
import typing
from typing import Any


def to_json(value: Any) -> Any:
    """Plain data (dicts, lists, strings, numbers) for a model value."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: to_json(getattr(value, field.name)) for field in dataclasses.fields(value)
        }
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, (tuple, list, frozenset, set)):
        return [to_json(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_json(item) for key, item in value.items()}
    return value


def from_json[T](cls: type[T], data: Any) -> T:
    """Rebuild a model of type ``cls`` from what ``to_json`` produced."""
    result: T = _decode(cls, data)
    return result


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(kind: Any, data: Any) -> Any:
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        if data is None:
            return None
        options = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        return _decode(options[0], data)
    if origin is tuple:
        item_kind = typing.get_args(kind)[0]
        return tuple(_decode(item_kind, item) for item in data)
    if origin is dict:
        _, value_kind = typing.get_args(kind)
        return {key: _decode(value_kind, item) for key, item in data.items()}
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints = _hints(kind)
        return kind(
            **{
                field.name: _decode(hints[field.name], data[field.name])
                for field in dataclasses.fields(kind)
                if field.name in data
            }
        )
    # Subclasses too: freezegun swaps the modules' datetime for one while time is frozen.
    if isinstance(kind, type) and issubclass(kind, dt.datetime):
        return dt.datetime.fromisoformat(data)
    if isinstance(kind, type) and issubclass(kind, dt.date):
        return dt.date.fromisoformat(data)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(data)
    if kind is float and isinstance(data, int):
        return float(data)
    return data
