"""The one configured cattrs converter between plain data and the model.

Plain data is what a JSON or YAML file holds once parsed: dicts, lists, strings, numbers,
booleans and None. Structuring is strict (no coercion of ``"1"`` to ``1`` or of ``1`` to
``True``) so the model never holds what the schema would refuse; unstructuring omits values
equal to their defaults so dumped files stay as short as the person wrote them.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterator
from enum import StrEnum
from functools import cache
from typing import Any, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from claimtrack._valid_records import record_builder
from claimtrack.model import Claim, ClaimFile

__all__ = [
    "iter_structure_errors",
    "structure",
    "structure_claims",
    "structure_valid",
    "unstructure",
    "unstructure_claim",
]


def _strict_str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _strict_bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {type(value).__name__}")
    return value


def _strict_int(value: object) -> int:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, got {type(value).__name__}")
    return value


def _number(value: object) -> float:
    # Keep ints as ints: 2000 stays 2000 on the way back out, not 2000.0.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"expected a number, got {type(value).__name__}")
    return value


_PRIMITIVES: dict[type, Callable[[object], object]] = {
    str: _strict_str,
    bool: _strict_bool,
    int: _strict_int,
    float: _number,
}


def _register_strict(
    converter: cattrs.Converter, kind: type, check: Callable[[object], object]
) -> None:
    """Strict hooks for ``kind`` and ``kind | None`` (cattrs coerces both by default)."""

    def optional(value: object, _type: object) -> object:
        return None if value is None else check(value)

    def exact(value: object, type_: Any) -> object:
        # The hook also catches subclasses, such as our StrEnums: let them parse the value.
        checked = check(value)
        return checked if type_ is kind else type_(checked)

    converter.register_structure_hook(kind, exact)
    converter.register_structure_hook_func(lambda t: t == kind | None, optional)


def make_converter(*, detailed: bool = True) -> cattrs.Converter:
    """Build the converter: strict primitives, no extra keys, defaults omitted on output.

    ``detailed`` keeps cattrs's grouped, per-field errors; without it structuring is about
    twice as fast and a failure says less.
    """
    converter = cattrs.Converter(
        omit_if_default=True, forbid_extra_keys=True, detailed_validation=detailed
    )
    for kind, check in _PRIMITIVES.items():
        _register_strict(converter, kind, check)
    # Our enums are StrEnums: write their plain string value, not the enum object.
    converter.register_unstructure_hook(StrEnum, lambda member: member.value)
    if not detailed:
        _register_direct(converter)
    return converter


def _is_sequence(type_: Any) -> bool:
    args = get_args(type_)
    return get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_optional_record(type_: Any) -> bool:
    if get_origin(type_) not in (Union, types.UnionType):
        return False
    args = get_args(type_)
    return len(args) == 2 and args[1] is type(None) and attrs.has(args[0])


def _register_direct(converter: cattrs.Converter) -> None:
    """Hooks that find their item's hook once, not on every value: ``tuple[X, ...]`` (from a
    list only) and ``Record | None``. cattrs's own look the hook up per value, which the
    detailed converter keeps for its per-item error notes."""

    def sequence(type_: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        item = get_args(type_)[0]
        hook = converter.get_structure_hook(item)

        def structure_sequence(value: Any, _type: Any) -> tuple[Any, ...]:
            if not isinstance(value, list):
                raise TypeError(f"expected a list, got {type(value).__name__}")
            return tuple([hook(element, item) for element in value])

        return structure_sequence

    def optional_record(type_: Any) -> Callable[[Any, Any], Any]:
        record = get_args(type_)[0]
        hook = converter.get_structure_hook(record)

        def structure_optional(value: Any, _type: Any) -> Any:
            return None if value is None else hook(value, record)

        return structure_optional

    converter.register_structure_hook_factory(_is_sequence, sequence)
    converter.register_structure_hook_factory(_is_optional_record, optional_record)


@cache
def _converter() -> cattrs.Converter:
    return make_converter()


@cache
def _fast_converter() -> cattrs.Converter:
    return make_converter(detailed=False)


def structure(data: Any) -> ClaimFile:
    """Turn parsed file data into a :class:`ClaimFile`; raises cattrs's grouped errors.

    Data that the schema accepted almost always structures, so the fast converter goes
    first; only when it fails does the detailed one run again, to say exactly what failed.
    """
    try:
        return _fast_converter().structure(data, ClaimFile)
    except Exception:  # re-run below for the grouped, per-field errors
        return _converter().structure(data, ClaimFile)


def structure_valid(data: Any) -> ClaimFile:
    """:func:`structure` for data the schema has accepted: the records are built by
    :mod:`claimtrack._valid_records` (a quarter less time than cattrs's hooks for the same
    records, the model's validators included), and only data that does not build so goes
    the way :func:`structure` does, to raise its grouped errors."""
    try:
        claim_file: ClaimFile = record_builder(ClaimFile)(data)
    except Exception:  # structured again below, to say what is wrong
        return structure(data)
    return claim_file


def structure_claims(data: Any) -> tuple[Claim, ...]:
    """Turn a list of parsed claims into :class:`Claim` records, as :func:`structure` does
    for a whole file."""
    try:
        claims: tuple[Claim, ...] = _fast_converter().structure(data, tuple[Claim, ...])
    except Exception:  # re-run below for the grouped, per-field errors
        claims = _converter().structure(data, tuple[Claim, ...])
    return claims


def unstructure(claim_file: ClaimFile) -> dict[str, Any]:
    """Turn a :class:`ClaimFile` into plain data ready for JSON or YAML."""
    data: dict[str, Any] = _converter().unstructure(claim_file)
    # The format version is always written, default or not: a reader needs it first.
    return {"version": claim_file.version, **data}


def unstructure_claim(claim: Claim) -> dict[str, Any]:
    """Turn one :class:`Claim` into plain data, as :func:`unstructure` writes it in a file."""
    data: dict[str, Any] = _converter().unstructure(claim)
    return data


def iter_structure_errors(
    error: BaseException, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Walk cattrs's grouped errors, yielding (path, message) per leaf problem."""
    if isinstance(error, ClassValidationError | IterableValidationError):
        with_notes, without = error.group_exceptions()
        for exc, note in with_notes:
            step: str | int = note.name if hasattr(note, "name") else note.index
            yield from iter_structure_errors(exc, (*path, step))
        for exc in without:
            yield from iter_structure_errors(exc, path)
    elif isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields):
            yield (*path, key), f"unknown field {key!r}"
    elif isinstance(error, KeyError):
        yield path, f"missing required field {error.args[0]!r}" if error.args else "missing field"
    else:
        yield path, str(error)
