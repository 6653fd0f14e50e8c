"""Building, installing the peers, and running and timing processes for scripts/bench."""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ES_VERSION = "9.5.6"  # pinned, so figures stay comparable between runs


def step(message: str) -> None:
    print(f"==> {message}", file=sys.stderr, flush=True)


def warn(message: str) -> None:
    print(f"bench: warning: {message}", file=sys.stderr, flush=True)


class BenchFailure(Exception):
    """A measurement of lore itself failed: the run is broken, not just a peer."""


def as_root(args: list) -> list:
    if os.geteuid() == 0:
        return args
    if shutil.which("sudo"):
        return ["sudo"] + args
    raise OSError(f"need root to run {' '.join(args)} (not root and no sudo)")


def apt_install(*packages: str) -> bool:
    """Installs Debian packages as scripts/test does: try, and on failure update and retry."""
    install = ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", *packages]
    try:
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        if subprocess.run(as_root(install), **quiet).returncode == 0:
            return True
        subprocess.run(as_root(["apt-get", "update"]), **quiet)
        return subprocess.run(as_root(install), **quiet).returncode == 0
    except OSError as error:
        warn(str(error))
        return False


def ensure_peers(root: str) -> dict:
    """Installs what is missing; returns {peer: None when usable, else why not}."""
    status = {}
    wanted = {"time": "/usr/bin/time", "adr-tools": "/usr/bin/adr", "ripgrep": None}
    for package, path in wanted.items():
        present = os.path.exists(path) if path else shutil.which("rg") is not None
        if not present:
            step(f"installing {package}")
            apt_install(package)
            present = os.path.exists(path) if path else shutil.which("rg") is not None
        status[package] = None if present else f"`apt-get install {package}` failed"
    status["grep"] = None if shutil.which("grep") else "grep is missing"
    venv = os.path.join(root, ".build", "bench-venv")
    python = os.path.join(venv, "bin", "python")
    check = [python, "-c", f"import eventsourcing, importlib.metadata as m; "
             f"assert m.version('eventsourcing') == '{ES_VERSION}'"]
    if not os.path.exists(python) or subprocess.run(check, capture_output=True).returncode != 0:
        step(f"installing eventsourcing {ES_VERSION} into .build/bench-venv")
        made = subprocess.run([sys.executable, "-m", "venv", venv], capture_output=True).returncode == 0
        if made:
            subprocess.run([python, "-m", "pip", "install", "--quiet", f"eventsourcing=={ES_VERSION}"],
                           capture_output=True)
    ok = os.path.exists(python) and subprocess.run(check, capture_output=True).returncode == 0
    status["eventsourcing"] = None if ok else "could not install eventsourcing into .build/bench-venv"
    return status


def build(root: str) -> str:
    """Release builds of lore and the two bench tools (scripts/release-build: the shipped
    flags); returns the folder holding them."""
    products = ["lore", "lore-bench", "raw-sqlite-bench"]
    done = subprocess.run([os.path.join(root, "scripts", "release-build"), *products], cwd=root,
                          stdout=subprocess.PIPE, stderr=sys.stderr, text=True)
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines or not os.path.isdir(lines[-1]):
        raise BenchFailure("the release build failed (scripts/release-build)")
    return lines[-1]


def run_json(args: list, cwd: str = None, env: dict = None, memory: bool = False, lore: bool = True) -> dict:
    """Runs a tool that prints JSON lines and returns the last one; with `memory`, adds the
    process's peak resident memory (`max_rss_kb`) as /usr/bin/time reports it.

    A failure raises BenchFailure for lore's own tools and RuntimeError for a peer's."""
    rss_file = None
    if memory and os.path.exists("/usr/bin/time"):
        handle, rss_file = tempfile.mkstemp(prefix="bench-rss-")
        os.close(handle)
        args = ["/usr/bin/time", "-f", "%M", "-o", rss_file] + args
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        message = f"{' '.join(map(str, args[:3]))}… exited {done.returncode}: {done.stderr.strip()[-600:]}"
        raise (BenchFailure if lore else RuntimeError)(message)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    result = json.loads(lines[-1]) if lines else {}
    if rss_file:
        with open(rss_file) as handle:
            text = handle.read().strip().splitlines()
        os.remove(rss_file)
        if text and text[-1].isdigit():
            result["max_rss_kb"] = int(text[-1])
    return result


def wall(args: list, runs: int, cwd: str = None, env: dict = None, ok=(0,), vary=None, cap: float = None) -> list:
    """Wall seconds of `runs` runs of a command, process start included. `vary(i)` may give
    the arguments of run i (a different title each time, say). With `cap`, stops early once
    the runs so far took longer than `cap` seconds (a slow command is run at least once)."""
    times = []
    for index in range(runs):
        if cap is not None and times and sum(times) > cap:
            break
        command = vary(index) if vary else args
        start = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if done.returncode not in ok:
            raise RuntimeError(f"{' '.join(command[:4])}… exited {done.returncode}: "
                               f"{done.stderr.decode(errors='replace').strip()[-400:]}")
    return times


def median(values: list) -> float:
    return statistics.median(values) if values else float("nan")


def load_average() -> str:
    try:
        with open("/proc/loadavg") as handle:
            return " ".join(handle.read().split()[:3])
    except OSError:
        return "unknown"


def cpu_busy(seconds: float = 1.0) -> float:
    """The share of all cores in use over `seconds`, from /proc/stat (others' work included)."""
    def sample():
        with open("/proc/stat") as handle:
            values = [int(v) for v in handle.readline().split()[1:]]
        return sum(values), values[3] + values[4]
    try:
        total1, idle1 = sample()
        time.sleep(seconds)
        total2, idle2 = sample()
    except OSError:
        return float("nan")
    return 1 - (idle2 - idle1) / max(total2 - total1, 1)
