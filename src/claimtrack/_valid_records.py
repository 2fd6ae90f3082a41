"""Records from data the schema has accepted, without cattrs's per-value dispatch.

The JSON Schema has already said everything cattrs's strict hooks would check of such data:
each value has its field's type, no mapping has a key its record lacks, and enum values are
the enum's strings. What is left is building the records, and this module does only that:
one small function per record class, made once per process from the class's attrs fields,
reading the keys the mapping has and turning each value with a function chosen for the
field's type (none for a plain string, number or boolean). The records are made by their
own ``__init__``, so the model's validators still run; anything unexpected (a key no field
has, a value of another shape) raises, and :func:`claimtrack._convert.structure_valid`
then goes the cattrs way, which says exactly what is wrong.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from enum import Enum
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints

import attrs

__all__ = ["record_builder"]

#: Turns one value of a field; None when the value is used as it stands.
_Turn = Callable[[Any], Any] | None


def _integer(value: Any) -> int:
    # The schema's "integer" accepts 2.0 as well as 2; the model holds 2 (as cattrs's
    # strict hook in _convert does).
    return int(value) if isinstance(value, float) else value


def _optional(turn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def optional(value: Any) -> Any:
        return None if value is None else turn(value)

    return optional


def _sequence(turn: _Turn) -> Callable[[Any], Any]:
    if turn is None:
        return tuple

    def sequence(value: Any) -> tuple[Any, ...]:
        return tuple([turn(item) for item in value])

    return sequence


def _enum(kind: type[Enum]) -> Callable[[Any], Any]:
    members = kind._value2member_map_

    def member(value: Any) -> Any:
        return members[value]

    return member


def _turn_for(type_: Any) -> _Turn:
    """How a value of ``type_`` becomes what the model holds (None: as it is)."""
    if get_origin(type_) in (Union, types.UnionType):
        present = [arg for arg in get_args(type_) if arg is not type(None)]
        if len(present) != 1:
            raise TypeError(f"no builder for the union {type_!r}")
        inner = _turn_for(present[0])
        return None if inner is None else _optional(inner)
    if get_origin(type_) is tuple:
        args = get_args(type_)
        if len(args) != 2 or args[1] is not Ellipsis:
            raise TypeError(f"no builder for the tuple {type_!r}")
        return _sequence(_turn_for(args[0]))
    if isinstance(type_, type) and issubclass(type_, Enum):
        return _enum(type_)
    if attrs.has(type_):
        return record_builder(type_)
    if type_ is int:
        return _integer
    if type_ in (str, float, bool):
        return None
    raise TypeError(f"no builder for {type_!r}")


@cache
def record_builder(cls: type[Any]) -> Callable[[Any], Any]:
    """The function that makes a ``cls`` record from a mapping the schema accepted."""
    hints = get_type_hints(cls)
    turns: dict[str, _Turn] = {
        field.name: _turn_for(hints[field.name]) for field in attrs.fields(cls)
    }

    def build(data: Any) -> Any:
        values = {}
        for key, value in data.items():
            turn = turns[key]  # KeyError for a key no field has
            values[key] = value if turn is None else turn(value)
        return cls(**values)

    build.__name__ = build.__qualname__ = f"build_{cls.__name__}"
    return build
