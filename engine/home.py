"""The data home: where the database, models, outputs and logs of one Airlock live.

Chosen by ``--home DIR``, else ``AIRLOCK_HOME``, else the platform's app-data folder
(the same folder Qt's QStandardPaths.AppDataLocation gives, through platformdirs).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from engine.errors import AirlockError, BadInput

HOME_VARIABLE = "AIRLOCK_HOME"


@dataclass(frozen=True)
class Home:
    root: Path

    @property
    def db_path(self) -> Path:
        return self.root / "airlock.db"

    @property
    def models_dir(self) -> Path:
        return self.root / "models"

    @property
    def outputs_dir(self) -> Path:
        return self.root / "outputs"

    @property
    def logs_dir(self) -> Path:
        return self.root / "logs"

    def ensure(self) -> "Home":
        """Create the folders; a home is always complete once opened."""
        for folder in (self.root, self.models_dir, self.outputs_dir, self.logs_dir):
            if folder.exists() and not folder.is_dir():
                raise AirlockError(f"{folder} is a file where Airlock needs a folder; move it aside or "
                                   "choose another home with --home.")
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except FileExistsError:  # a dangling link or a file created meanwhile
                raise AirlockError(f"{folder} is in the way of the folder Airlock needs; move it aside or "
                                   "choose another home with --home.") from None
            except OSError as exc:
                if folder is self.logs_dir or folder.is_dir():
                    continue  # a read-only home can still be read; writing says so when it happens
                raise AirlockError(f"Cannot create the Airlock home folder {folder} ({exc.strerror}); "
                                   "choose another place with --home.") from exc
        return self


def default_home_path() -> Path:
    return Path(platformdirs.user_data_dir("Airlock", appauthor=False, roaming=True))


def resolve_home(explicit: str | os.PathLike[str] | None = None) -> Home:
    """Pick the data home: the explicit argument, then ``AIRLOCK_HOME``, then the platform default."""
    if explicit is not None and not str(explicit).strip():
        raise BadInput("--home is empty; give a folder, or leave the option out to use the default home.")
    if explicit:
        path = Path(explicit)
    elif os.environ.get(HOME_VARIABLE):
        path = Path(os.environ[HOME_VARIABLE])
    else:
        path = default_home_path()
    return Home(path.expanduser().resolve()).ensure()
