"""Facts about this computer that both workers and the GUI ask: cores, GPU, CPU features,
library versions. No torch and no llama_cpp here, so the GUI process may import it."""

from __future__ import annotations

import functools
import importlib.metadata
import os
import shutil
import sys
from pathlib import Path


def physical_cores() -> int:
    """Thread count for the native libraries: one per physical core (hyper-threads only
    contend for the same arithmetic units)."""
    import psutil

    return psutil.cpu_count(logical=False) or os.cpu_count() or 1


def nvidia_gpu_present() -> bool:
    """An NVIDIA driver is installed, whatever the Python libraries can use: the reason a
    CPU-only build is worth telling the user about."""
    return Path("/proc/driver/nvidia/version").exists() or shutil.which("nvidia-smi") is not None


@functools.cache
def cpu_has_native_bf16() -> bool:
    """AVX512-BF16 or AMX: bfloat16 matrix work runs natively (elsewhere it is emulated, slower)."""
    try:
        flags = Path("/proc/cpuinfo").read_text().split()
    except OSError:
        return False
    return "avx512_bf16" in flags or "amx_bf16" in flags


def library_versions(*packages: str) -> dict[str, str]:
    """Python's and the installed packages' versions, for the record of each generation."""
    versions = {"python": sys.version.split()[0]}
    for package in (*packages, "airlock"):
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            pass
    return versions
