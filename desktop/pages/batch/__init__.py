"""The Batch page: import, run and review one draft per row of a CRM export."""

from desktop.pages.batch.page import BatchPage

__all__ = ["BatchPage"]
