"""Where jobs run: the backend protocol and the worker-process transport."""
