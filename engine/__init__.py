"""Airlock's engine: everything that is not GUI (no Qt import anywhere in this package).

Importing the package switches the process to offline mode first, so that no Airlock
process, worker processes included, can reach the network or let a Hugging Face
library read its environment before the offline variables are set.
"""

from engine import offline as _offline

_offline.install()

__version__ = "0.1.0"
