"""The Templates page, in parts: the library list, the editor, the fill-in form, the page."""

from desktop.pages.templates.page import TemplatesPage

__all__ = ["TemplatesPage"]
