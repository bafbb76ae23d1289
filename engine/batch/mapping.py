"""Which column fills which template variable, and which rows cannot be used as they are.

The mapping is proposed from names (a column called ``Customer name`` or ``customer_name``
fills the variable ``customer_name``; its label counts too, so ``客戶姓名`` works for a
zh-TW template) and the person can change it. Validation runs every row through the
template's own variable rules (engine/prompts/variables.py) and lists every failing row,
not only the first, so the file can be fixed in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from engine.errors import BadInput
from engine.prompts.templates import Template
from engine.prompts.variables import resolve_values
from engine.batch.table import Table

EMAIL_COLUMN_NAMES = ("email", "e-mail", "mail", "email address", "電子郵件", "電子信箱", "信箱", "郵件")


@dataclass(frozen=True)
class RowProblem:
    row_number: int  # 1-based, counting data rows (the header is not a row)
    message: str


def _key(text: str) -> str:
    return re.sub(r"[\s_\-.:：（）()]+", "", text).casefold()


def auto_map(template: Template, columns: Sequence[str]) -> dict[str, str | None]:
    """``{variable: column or None}``: a column whose name matches the variable's name or label."""
    by_key = {_key(c): c for c in columns}
    mapping: dict[str, str | None] = {}
    for variable in template.variables:
        mapping[variable.name] = next(
            (by_key[k] for k in (_key(variable.name), _key(variable.label)) if k and k in by_key), None)
    return mapping


def email_column(columns: Sequence[str]) -> str | None:
    """The column holding the recipient's address, for .eml exports."""
    keys = {_key(n) for n in EMAIL_COLUMN_NAMES}
    return next((c for c in columns if _key(c) in keys), None)


def check_mapping(template: Template, columns: Sequence[str], mapping: Mapping[str, str | None]) -> None:
    """Refuse a mapping naming unknown variables or columns, or leaving a required variable
    with no column and no default."""
    known = {v.name for v in template.variables}
    for variable, column in mapping.items():
        if variable not in known:
            raise BadInput(f"Template '{template.name}' has no variable '{variable}'.")
        if column is not None and column not in columns:
            raise BadInput(f"The file has no column '{column}' (its columns: {', '.join(columns)}).")
    unmapped = [v.display_label for v in template.variables
                if v.required and v.default is None and not mapping.get(v.name)]
    if unmapped:
        if len(unmapped) == 1:  # two sentences, not a plural 's' spliced in: each one is translated whole
            raise BadInput(f"No column is mapped to the required variable {unmapped[0]}; choose a column for it.")
        raise BadInput(f"No column is mapped to the required variables {', '.join(unmapped)}; "
                       "choose a column for them.")


def row_values(row: Mapping[str, str], mapping: Mapping[str, str | None]) -> dict[str, str]:
    """What a row gives each mapped variable (empty cells left out, so defaults apply)."""
    return {v: row[c] for v, c in mapping.items() if c and row.get(c, "").strip()}


def validate_rows(template: Template, table: Table, mapping: Mapping[str, str | None]) -> list[RowProblem]:
    """Every row that the template cannot take, with the reason (empty when all are fine)."""
    check_mapping(template, table.columns, mapping)
    problems: list[RowProblem] = []
    for number, row in enumerate(table.records(), start=1):
        try:
            resolve_values(template.variables, row_values(row, mapping))
        except BadInput as exc:
            problems.append(RowProblem(number, str(exc)))
    return problems


def problems_message(problems: Sequence[RowProblem], limit: int = 10) -> str:
    """The failing rows, one line each (the first ``limit``, with their reasons). Each line
    is a whole sentence of its own, so the window translates it line by line."""
    lines = [rows_unusable_message(len(problems))] + [row_problem_message(p) for p in problems[:limit]]
    if len(problems) > limit:
        lines.append(more_rows_message(len(problems) - limit))
    return "\n".join(lines)


def rows_unusable_message(count: int) -> str:
    return "1 row cannot be used:" if count == 1 else f"{count} rows cannot be used:"


def row_problem_message(problem: RowProblem) -> str:
    return f"Row {problem.row_number}: {problem.message}"


def more_rows_message(count: int) -> str:
    return f"And {count} more rows."
