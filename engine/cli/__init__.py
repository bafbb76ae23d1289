"""The ``airlock`` command line, one module per command group."""
