"""Smoke test of a frozen Airlock bundle (`make dist-test`; not part of `make test`).

    python tests/packaging/frozen_smoke.py dist/text/airlock [dist/full/airlock ...]

For each bundle folder, in a fresh temporary home and, where `unshare -n` works, with no
network at all (a new network namespace has only a loopback device): list the models, generate
text with the bundled SmolLM2, render a template, open the frozen GUI offscreen, see the main
window shown in the log, let it close itself (AIRLOCK_QUIT_AFTER_MS) and check it quit with
status 0 and left no process of the bundle running. In the full edition (torch inside the
bundle) it also imports a tiny random-weight Stable Diffusion folder and generates a 64x64
image with it; the folder is built by tests/helpers/tiny_sd.py with the Python running this
script when that Python has torch and diffusers (the build venv: `make dist-test`), never
downloaded. In the text edition, asking for an image must be one error line naming the full edition.
Otherwise uses only the standard library, so it runs with any Python 3.11.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def network_blocker() -> list[str]:
    """`unshare -n` (as root) or `unshare -rn` (user namespaces), when this machine allows it."""
    if not shutil.which("unshare"):
        return []
    for prefix in (["unshare", "-n"], ["unshare", "-rn"]):
        if subprocess.run([*prefix, "true"], capture_output=True).returncode == 0:
            return prefix
    return []


def bundle_processes(bundle: Path) -> list[int]:
    """Processes whose executable lies inside the bundle (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            exe = Path(os.readlink(entry / "exe"))
        except OSError:
            continue
        if bundle in exe.parents:
            found.append(int(entry.name))
    return found


class Smoke:
    def __init__(self, bundle: Path):
        self.bundle = bundle.resolve()
        self.exe = self.bundle / ("airlock.exe" if os.name == "nt" else "airlock")
        self.home = Path(tempfile.mkdtemp(prefix="airlock-smoke-"))
        self.prefix = network_blocker()
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRLOCK_", "PYTHON"))}
        self.env["QT_QPA_PLATFORM"] = "offscreen"
        self.timings: dict[str, float] = {}

    def run(self, label: str, *args: str, env: dict[str, str] | None = None, timeout: int = 300,
            expect: tuple[int, ...] = (0,)) -> str:
        """Run the frozen CLI in the temp home; its stdout, or its stderr when it is expected to fail."""
        start = time.monotonic()
        result = subprocess.run([*self.prefix, str(self.exe), *args, "--home", str(self.home)],
                                capture_output=True, text=True, timeout=timeout, env={**self.env, **(env or {})})
        self.timings[label] = time.monotonic() - start
        if result.returncode not in expect:
            raise SystemExit(f"FAIL {label}: exit {result.returncode}\n{result.stderr[-2000:]}")
        return result.stdout if result.returncode == 0 else result.stderr

    @property
    def full(self) -> bool:
        """The full edition carries torch (PyInstaller puts packages under _internal/)."""
        return any((self.bundle / inside / "torch").is_dir() for inside in ("_internal", "."))

    def tiny_model(self) -> Path | None:
        """A tiny random-weight SD 1.x diffusers folder built by tests/helpers/tiny_sd.py with
        the Python running this script (the build venv has torch and diffusers); None when
        that Python cannot build one."""
        folder = self.home.parent / f"{self.home.name}-tiny-sd"
        start = time.monotonic()
        built = subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; "
                                "from tests.helpers.tiny_sd import build_tiny_folder; "
                                "build_tiny_folder(Path(sys.argv[1]))", str(folder)],
                               cwd=Path(__file__).resolve().parents[2], capture_output=True, text=True)
        self.timings["build tiny SD (host)"] = time.monotonic() - start
        if built.returncode != 0:
            print(f"  note: no tiny image model ({built.stderr.strip().splitlines()[-1:]}); run this script with "
                  "the build venv's Python (make dist-test) to check images")
            return None
        return folder

    def check_images(self) -> None:
        """Full edition: import the tiny model and generate a 64x64 image with it. Text
        edition: asking for an image is one error line (exit 2) that names the full edition."""
        folder = self.tiny_model()
        if folder is None:
            if self.full:
                raise SystemExit("FAIL the full edition's image generation was not checked (no tiny model)")
            return
        try:
            imported = json.loads(self.run("import image model", "models", "import", str(folder), "--name", "tiny",
                                           "--json"))
            assert imported["kind"] == "image", imported
            if not self.full:
                error = self.run("image (text edition)", "image", "--size", "64x64", "a red kite", expect=(2,))
                lines = error.strip().splitlines()
                assert len(lines) == 1 and lines[0].startswith("error: ") and "full edition" in lines[0], error
                print(f"  text edition, asked for an image: {lines[0]}")
                return
            made = json.loads(self.run("generate image", "image", "--model", "tiny", "--size", "64x64", "--steps",
                                       "2", "--seed", "3", "--json", "a red kite", timeout=600))
            with open(made["path"], "rb") as png:
                assert png.read(8) == b"\x89PNG\r\n\x1a\n", made
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def check(self) -> None:
        print(f"bundle {self.bundle} (network: {'blocked with ' + ' '.join(self.prefix) if self.prefix else 'not blocked: unshare unavailable'})")
        models = json.loads(self.run("models list", "models", "list", "--json"))
        names = [m["name"] for m in models]
        assert "smollm2-135m" in names, names
        reply = json.loads(self.run("generate text", "text", "--json", "--max-tokens", "16", "--seed", "1",
                                    "Say hello to the team."))
        assert reply["text"].strip() and reply.get("completion_tokens", 1) > 0, reply
        templates = json.loads(self.run("templates list", "templates", "list", "--json"))
        template = next(t for t in templates if t.get("kind", "text") == "text")
        shown = json.loads(self.run("templates show", "templates", "show", template["name"], "--json"))
        values = [f"{v['name']}=test" for v in shown.get("variables", [])  # the required ones; defaults fill the rest
                  if v.get("required") and v.get("type") in ("short_text", "long_text")]
        rendered = self.run("render template", "templates", "render", template["name"],
                            *[a for value in values for a in ("--var", value)])
        assert rendered.strip(), "empty render"
        self.check_images()
        self.run("open and quit the GUI", env={"AIRLOCK_QUIT_AFTER_MS": "3000"}, timeout=180)
        logs = "".join(p.read_text(encoding="utf-8", errors="replace") for p in (self.home / "logs").glob("*.log*"))
        assert "main window shown: Airlock" in logs, "the main window was not shown"
        time.sleep(1.0)
        left = bundle_processes(self.bundle)
        assert not left, f"processes of the bundle still running: {left}"
        for label, seconds in self.timings.items():
            print(f"  ok  {label:<24} {seconds:6.1f} s")

    def close(self) -> None:
        shutil.rmtree(self.home, ignore_errors=True)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    for folder in argv:
        smoke = Smoke(Path(folder))
        try:
            smoke.check()
        finally:
            smoke.close()
    print("frozen smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
