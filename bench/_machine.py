"""Description of the machine a benchmark runs on, shared by the scripts of bench/.

The benchmarks are run as ``python bench/bench_x.py`` (the repository root is on ``sys.path`` through
the editable install) and imported by their scaled-down tests, so they import this module as
``from bench._machine import ...``.
Linux-first (``/proc``), with portable fallbacks; nothing here raises on a missing ``/proc``.
"""

from __future__ import annotations

import os
import platform
import resource
from pathlib import Path

CPUINFO = Path("/proc/cpuinfo")
MEMINFO = Path("/proc/meminfo")


def _cpuinfo_value(key: str) -> str | None:
    """Value of the first ``key : value`` line of /proc/cpuinfo, or None."""
    try:
        for line in CPUINFO.read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
    except (OSError, IndexError):
        pass
    return None


def cpu_model(default: str = "unknown CPU") -> str:
    """The CPU model name (first ``model name`` of /proc/cpuinfo), or ``default``."""
    return _cpuinfo_value("model name") or default


def cpu_flags() -> set[str]:
    """The CPU feature flags of the first CPU in /proc/cpuinfo (empty if unknown)."""
    return set((_cpuinfo_value("flags") or "").split())


def cores() -> int | None:
    """Logical cores online (``os.cpu_count()``)."""
    return os.cpu_count()


def usable_cores() -> int:
    """Logical cores this process may run on (its CPU affinity)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ram_gib() -> float | None:
    """Total RAM in GiB (``MemTotal`` of /proc/meminfo, else sysconf), or None if unknown."""
    try:
        for line in MEMINFO.read_text().splitlines():
            if line.startswith("MemTotal"):
                return int(line.split()[1]) / 1024 / 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (AttributeError, ValueError, OSError):
        return None


def ram_text(default: str = "?") -> str:
    """Total RAM as ``"7.8 GiB"``, or ``default`` if unknown."""
    gib = ram_gib()
    return default if gib is None else f"{gib:.1f} GiB"


def os_name() -> str:
    """Operating system and kernel release, e.g. ``"Linux 6.8.0"``."""
    return f"{platform.system()} {platform.release()}"


def load_average() -> tuple[float, float, float]:
    """The 1, 5 and 15 minute load averages."""
    return os.getloadavg()


def load_text(sep: str = "/", digits: int = 1) -> str:
    """The load averages as text, e.g. ``"1.2/0.9/0.7"``."""
    return sep.join(f"{x:.{digits}f}" for x in load_average())


def describe() -> dict:
    """The machine as a JSON-able dict: cpu, cores, ram_gib (rounded to 0.1), os."""
    gib = ram_gib()
    return {"cpu": cpu_model(), "cores": cores(), "ram_gib": None if gib is None else round(gib, 1), "os": os_name()}


def describe_line(*, usable: bool = False, cpu_note: str = "") -> str:
    """The machine on one line: ``"<cpu>, 2 cores, 7.8 GiB RAM, Linux 6.8.0"``.

    ``usable`` says ``"<usable> cores usable (<online> online)"`` instead; ``cpu_note`` is put in
    parentheses after the CPU model.
    """
    cpu = cpu_model("unknown" if usable else "unknown CPU")
    if cpu_note:
        cpu = f"{cpu} ({cpu_note})"
    n = f"{usable_cores()} cores usable ({cores()} online)" if usable else f"{cores()} cores"
    return f"{cpu}, {n}, {ram_text('?')} RAM, {os_name()}"


def self_peak_rss_mib() -> float:
    """Peak RSS of this process so far, in MiB (``ru_maxrss`` is in KiB on Linux).

    Called at the end of a benchmark's measured child process, so the figure is that run's own.
    """
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
