"""Insights: what Airlock produced, what people kept and what time that saved.

Computed from the store with SQL every time (no second copy of the data, nothing leaves
the machine). :mod:`metrics` is the one place the definitions live; the CLI, the
Insights page, the report and the team roll-up all read its result.
"""
