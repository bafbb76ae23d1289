"""Typed template variables: what a form asks for, and turning what was typed into values.

A variable is declared once in its template (name, type, label, help, default,
required; choices for ``choice``, bounds for ``number``). The same definition drives the
desktop form (one widget per type), ``--var k=v`` on the command line, and pack
validation, so a value is checked the same way wherever it comes from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from engine.errors import BadInput
from engine.prompts.render import RESERVED_NAMES
from engine import messages

VARIABLE_TYPES = ("short_text", "long_text", "choice", "number", "date", "boolean")
NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")
MAX_VALUE_CHARS = 50_000
VARIABLE_FIELDS = frozenset({"name", "type", "label", "help", "default", "required", "options",
                             "minimum", "maximum"})

_TRUE = {"1", "true", "yes", "y", "on", "是", "對", "有"}
_FALSE = {"0", "false", "no", "n", "off", "否", "不", "沒有", ""}


@dataclass(frozen=True)
class Variable:
    name: str
    type: str = "short_text"
    label: str = ""
    help: str = ""
    default: Any = None
    required: bool = False
    options: tuple[str, ...] = ()  # the choices of a ``choice`` variable
    minimum: float | None = None  # bounds of a ``number`` variable
    maximum: float | None = None

    @property
    def display_label(self) -> str:
        return self.label or self.name

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "type": self.type, "label": self.label,
                                "help": self.help, "default": self.default, "required": self.required}
        if self.type == "choice":
            data["options"] = list(self.options)
        if self.type == "number":
            data["minimum"], data["maximum"] = self.minimum, self.maximum
        return data

    @classmethod
    def from_dict(cls, data: Any, *, where: str = "A variable") -> "Variable":
        """Build and check one definition (from a pack, the editor or the database)."""
        if not isinstance(data, Mapping):
            raise BadInput(f"{where} must be an object with at least a name and a type.")
        unknown = sorted(set(data) - VARIABLE_FIELDS)
        if unknown:
            raise BadInput(f"{where} has an unknown field '{unknown[0]}'.")
        name = data.get("name")
        if not isinstance(name, str) or not NAME.match(name):
            raise BadInput(f"{where} needs a name of letters, digits and underscores that starts "
                           f"with a letter (got {name!r}).")
        where = f"Variable '{name}'"
        if name in RESERVED_NAMES:
            raise BadInput(f"{where} uses a reserved name; choose another.")
        kind = data.get("type", "short_text")
        if kind not in VARIABLE_TYPES:
            raise BadInput(f"{where} has an unknown type '{kind}' (use {', '.join(VARIABLE_TYPES)}).")
        options = data.get("options") or ()
        if kind == "choice":
            if not isinstance(options, (list, tuple)) or not options or \
                    not all(isinstance(o, str) and o for o in options):
                raise BadInput(f"{where} is a choice and needs a list of options.")
            if len(set(options)) != len(options):
                raise BadInput(f"{where} lists the same option twice.")
        for key in ("label", "help"):
            if not isinstance(data.get(key, ""), str):
                raise BadInput(f"{where}: '{key}' must be text.")
        if not isinstance(data.get("required", False), bool):
            raise BadInput(f"{where}: 'required' must be true or false.")
        bounds = [data.get("minimum"), data.get("maximum")]
        for bound in bounds:
            if bound is not None and (isinstance(bound, bool) or not isinstance(bound, (int, float))):
                raise BadInput(f"{where}: minimum and maximum must be numbers.")
        variable = cls(name=name, type=kind, label=data.get("label", ""), help=data.get("help", ""),
                       required=data.get("required", False), options=tuple(options) if kind == "choice" else (),
                       minimum=bounds[0] if kind == "number" else None,
                       maximum=bounds[1] if kind == "number" else None)
        default = data.get("default")
        if default not in (None, ""):
            try:
                default = coerce(variable, default)
            except BadInput as exc:
                raise BadInput(f"{where} has a default that does not fit its type: {exc}") from exc
            if isinstance(default, dt.date):
                default = default.isoformat()
        return cls(**{**variable.__dict__, "default": default})


def parse_variables(items: Any, *, where: str = "The template") -> tuple[Variable, ...]:
    """Check a list of definitions; ``where`` names their template in messages."""
    if items is None:
        return ()
    if not isinstance(items, (list, tuple)):
        raise BadInput(f"{where}: 'variables' must be a list.")
    variables = tuple(Variable.from_dict(item, where=f"{where}: variable {i + 1}")
                      for i, item in enumerate(items))
    names = [v.name for v in variables]
    duplicate = next((n for n in names if names.count(n) > 1), None)
    if duplicate:
        raise BadInput(f"{where} declares the variable '{duplicate}' twice.")
    return variables


def coerce(variable: Variable, value: Any) -> Any:
    """One value for ``variable``, typed: str, float/int, datetime.date or bool."""
    kind = variable.type
    if kind in ("short_text", "long_text", "choice"):
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise BadInput(f"'{variable.display_label}' must be text.")
        text = str(value)
        if len(text) > MAX_VALUE_CHARS:
            raise BadInput(f"'{variable.display_label}' is longer than {MAX_VALUE_CHARS:,} characters.")
        if kind == "short_text":
            text = " ".join(text.splitlines()).strip()
        if kind == "choice" and text not in variable.options:
            raise BadInput(f"'{variable.display_label}' must be one of: {', '.join(variable.options)}.")
        return text
    if kind == "number":
        if isinstance(value, bool):
            raise BadInput(f"'{variable.display_label}' must be a number.")
        if isinstance(value, str):
            try:
                number: float = float(value.replace(",", "").strip())
            except ValueError:
                raise BadInput(f"'{variable.display_label}' must be a number (got '{value}').") from None
        elif isinstance(value, (int, float)):
            number = value
        else:
            raise BadInput(f"'{variable.display_label}' must be a number.")
        if number != number or number in (float("inf"), float("-inf")):
            raise BadInput(f"'{variable.display_label}' must be a finite number.")
        if variable.minimum is not None and number < variable.minimum:
            raise BadInput(f"'{variable.display_label}' must be at least {variable.minimum:g}.")
        if variable.maximum is not None and number > variable.maximum:
            raise BadInput(f"'{variable.display_label}' must be at most {variable.maximum:g}.")
        return int(number) if float(number).is_integer() else number
    if kind == "date":
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise BadInput(f"'{variable.display_label}' must be a date like 2026-05-01 (got '{value}').") from None
    if kind == "boolean":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise BadInput(f"'{variable.display_label}' must be yes or no (got '{value}').")
    raise BadInput(f"Unknown variable type '{kind}'.")


def empty_value(variable: Variable) -> Any:
    """What an optional variable with no value and no default renders as."""
    return False if variable.type == "boolean" else ""


def _blank(variable: Variable, raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip() and variable.type != "boolean")


def missing_required(variables: Iterable[Variable], given: Mapping[str, Any]) -> list[Variable]:
    """The required variables ``given`` leaves without a value (their defaults counted), in
    order: a form names them by their labels."""
    return [v for v in variables if v.required and _blank(v, given.get(v.name)) and _blank(v, v.default)]


def resolve_values(variables: Iterable[Variable], given: Mapping[str, Any]) -> dict[str, Any]:
    """Typed values for every variable: what was given, else its default, else empty.

    Raises BadInput naming every required variable left without a value, and for a
    value given to a variable the template does not have.
    """
    variables = list(variables)
    known = {v.name for v in variables}
    unknown = sorted(set(given) - known)
    if unknown:
        raise BadInput(f"The template has no variable '{unknown[0]}' "
                       f"(its variables: {', '.join(sorted(known)) or 'none'}).")
    values: dict[str, Any] = {}
    missing: list[str] = []
    for variable in variables:
        raw = given.get(variable.name)
        if _blank(variable, raw):
            raw = variable.default
        if _blank(variable, raw):
            if variable.required:  # the label a form shows, and the name a command line types
                missing.append(variable.name if variable.display_label == variable.name
                               else f"{variable.display_label} ({variable.name})")
                continue
            values[variable.name] = empty_value(variable)
            continue
        values[variable.name] = coerce(variable, raw)
    if missing:
        message = messages.MISSING_VARIABLE if len(missing) == 1 else messages.MISSING_VARIABLES
        raise BadInput(message(names=", ".join(missing)))
    return values


def parse_assignments(items: Iterable[str]) -> dict[str, str]:
    """``["k=v", ...]`` from the command line into a dict (the last of a repeated name wins)."""
    values: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise BadInput(f"--var takes NAME=VALUE (got '{item}').")
        values[name.strip()] = value
    return values
