"""The Images page, in parts: the form, the gallery, the page that joins them."""

from desktop.pages.images.gallery import PERIODS, period_start
from desktop.pages.images.page import ImagesPage

__all__ = ["PERIODS", "ImagesPage", "period_start"]
