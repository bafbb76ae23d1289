"""``python -m engine COMMAND`` runs the command line without the desktop app (which only
``airlock`` with no command opens, through desktop/launch.py)."""

import multiprocessing
import sys

from engine.cli.main import main

multiprocessing.freeze_support()
sys.exit(main())
