from tests.gui.conftest import window  # noqa: F401  (the same real main window fixture)
