"""Issue 11 on the command line: an empty history search is a usage error."""

from __future__ import annotations

from tests.conftest import assert_one_line_error


def test_an_empty_history_search_is_a_usage_error(cli):
    assert_one_line_error(cli("history", "search", "", check_exit=2), "needs words to look for")
    assert_one_line_error(cli("history", "search", "   ", "--json", check_exit=2), "history list")
