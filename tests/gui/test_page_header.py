"""Every page opens with the same header (desktop/widgets/page_header.py): a title the
style sheet knows as ``pageTitle`` and, where the page has one, a wrapped ``meta`` hint,
both with text in the current language."""

from __future__ import annotations


def test_pages_share_one_header(window):
    pages = [window.batch, window.knowledge, window.models, window.templates, window.history]
    for page in pages:
        assert page.title.objectName() == "pageTitle" and page.title.text(), page
        assert page.layout().itemAt(0).widget() is page.title  # at the top of the page
    for page in (window.batch, window.knowledge, window.models):
        assert page.hint.objectName() == "meta" and page.hint.wordWrap() and page.hint.text(), page
        assert page.layout().itemAt(1).widget() is page.hint
