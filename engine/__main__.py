"""``python -m engine`` is the ``airlock`` command."""

from engine.cli import console_main

console_main()
