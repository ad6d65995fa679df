#!/usr/bin/env python3
"""Set up FrameLens from source and run it, its tests or its build.

Needs only python3 (standard library). Every command first makes sure that

* the Debian packages Qt needs are installed (as root it installs the missing
  ones with apt-get; otherwise it prints the exact apt-get line to run),
* a virtual environment exists in ``.venv`` with pip upgraded and FrameLens
  installed in it (re-installed when pyproject.toml changes).

Commands::

    python3 scripts/dev.py demo      open the window on the bundled sample articles
    python3 scripts/dev.py test      run the whole test suite (and the GUI tests under Xvfb)
    python3 scripts/dev.py package   build the frozen program and the .deb (build/README.md)
    python3 scripts/dev.py bench     run every benchmark and print one table
    python3 scripts/dev.py setup     only set up
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("FRAMELENS_VENV", REPO / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")

#: Shared libraries Qt's offscreen and xcb platforms load, and a font.
RUNTIME_DEBS = [
    "libgl1", "libegl1", "libfontconfig1", "libxkbcommon0", "libglib2.0-0", "libdbus-1-3",
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1",
    "libxcb-render-util0", "libxcb-shape0", "libxcb-xkb1", "libxkbcommon-x11-0",
    "fonts-dejavu-core",
]  # fmt: skip
#: What the test suite also uses: a real X server, a real printer queue, PDF tools.
TEST_DEBS = ["xvfb", "xauth", "cups", "printer-driver-cups-pdf", "poppler-utils"]
#: What building the .deb needs.
PACKAGE_DEBS = ["dpkg-dev", "binutils"]


def say(message: str) -> None:
    print(f"[framelens] {message}", flush=True)


def run(cmd: list[str | Path], **kwargs: object) -> int:
    return subprocess.call([str(c) for c in cmd], **kwargs)  # type: ignore[arg-type]


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def missing_debs(packages: list[str]) -> list[str]:
    if not shutil.which("dpkg-query"):
        return []  # not a Debian system: nothing we can check
    missing = []
    for name in packages:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True
        )
        if "install ok installed" not in result.stdout:
            missing.append(name)
    return missing


def ensure_debs(packages: list[str], *, required: bool) -> bool:
    """Install missing Debian packages as root; otherwise print the apt-get line."""
    missing = missing_debs(packages)
    if not missing:
        return True
    line = "apt-get install -y " + " ".join(missing)
    if is_root() and shutil.which("apt-get"):
        say(f"installing Debian packages: {' '.join(missing)}")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run(["apt-get", "update", "-qq"], env=env)
        if run(["apt-get", "install", "-y", "-qq", *missing], env=env) == 0:
            return True
        say(f"apt-get could not install them; run: sudo {line}")
    else:
        say(f"missing Debian packages; run: sudo {line}")
    if required:
        sys.exit(1)
    return False


def ensure_venv(extras: str) -> None:
    """Create or refresh .venv with pip upgraded and FrameLens[extras] installed."""
    if not PY.exists():
        try:
            import ensurepip  # noqa: F401  (Debian splits it into python3-venv)
        except ImportError:
            version = f"python3.{sys.version_info.minor}-venv"
            ensure_debs(["python3-venv", version], required=True)
        say(f"creating the virtual environment in {VENV}")
        if run([sys.executable, "-m", "venv", VENV]) != 0:
            sys.exit("could not create the virtual environment")
    stamp = VENV / ".framelens-installed"
    want = hashlib.sha256((REPO / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    have = stamp.read_text().split() if stamp.exists() else []
    if want in have:
        return
    say("installing FrameLens and its dependencies into the virtual environment")
    pip = [PY, "-m", "pip", "--disable-pip-version-check", "-q"]
    if run([*pip, "install", "--upgrade", "pip"]) != 0:
        sys.exit("could not upgrade pip")
    target = f"{REPO}[{extras}]" if extras else str(REPO)
    if run([*pip, "install", "-e", target]) != 0:
        sys.exit("could not install FrameLens's dependencies")
    stamp.write_text(" ".join([*have, want]))


def cups_running() -> bool:
    """Whether the CUPS scheduler runs. ``lpstat -r`` exits 0 either way: only its words tell."""
    status = subprocess.run(["lpstat", "-r"], capture_output=True, text=True)
    return "scheduler is running" in status.stdout


def start_printer_queue() -> bool:
    """Start cupsd and add the cups-pdf queue "PDF" (root only); True when the queue is up."""
    if not (is_root() and shutil.which("cupsd") and shutil.which("lpadmin")):
        say("no CUPS server can be started here: the real-print test will be skipped")
        return False
    if not cups_running():
        run(["cupsd"])
        for _ in range(50):
            if cups_running():
                break
            time.sleep(0.2)
    if subprocess.run(["lpstat", "-p", "PDF"], capture_output=True).returncode != 0:
        run(["lpadmin", "-p", "PDF", "-v", "cups-pdf:/", "-m",
             "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd", "-E"])  # fmt: skip
    up = subprocess.run(["lpstat", "-p", "PDF"], capture_output=True).returncode == 0
    say("CUPS is running with the PDF queue" if up else "the PDF printer queue could not be added")
    return up


def has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def cmd_setup(extras: str = "") -> None:
    ensure_debs(RUNTIME_DEBS, required=True)
    ensure_venv(extras)


def cmd_demo() -> int:
    cmd_setup()
    framelens = BIN / "framelens"
    say("the bundled sample articles, per outlet:")
    run([framelens, "analyze", REPO / "resources" / "samples"])
    if has_display() or os.environ.get("QT_QPA_PLATFORM"):
        say("opening the window")
        return run([framelens, "--demo"])
    shot = REPO / "framelens-demo.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run([framelens, "--demo", "--screenshot", shot], env=env)
    say(f"no display here, so no window: a screenshot of it is in {shot}")
    return 0


def cmd_test(pytest_args: list[str]) -> int:
    cmd_setup("test,dask")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    if ensure_debs(TEST_DEBS, required=False) and (start_printer_queue() or is_root()):
        # A queue is up, or root could have set one up: the real-print test
        # must run, and a skip would hide a broken set-up.
        env["FRAMELENS_REQUIRE_PRINTING"] = "1"
    say("type-checking analysis/ (mypy --strict)")
    status = run([PY, "-m", "mypy", "analysis"], cwd=REPO)
    say("running the test suite (offscreen Qt)")
    # A fresh base folder per run: the tests build symlink loops and deep trees on purpose,
    # and pytest's own clean-up of older runs' folders must never trip over them.
    basetemp = tempfile.mkdtemp(prefix="framelens-tests-")
    status |= run([PY, "-m", "pytest", f"--basetemp={basetemp}", *pytest_args], cwd=REPO, env=env)
    if shutil.which("xvfb-run"):
        say("running the GUI tests again on a real X server (Xvfb)")
        env_x = dict(env, QT_QPA_PLATFORM="xcb")
        status |= run(
            ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", PY, "-m", "pytest", "tests/gui",
             "-q", "-p", "no:cacheprovider", f"--basetemp={basetemp}-xvfb"],
            cwd=REPO, env=env_x,
        )  # fmt: skip
    else:
        say("xvfb-run is missing: the GUI tests ran offscreen only")
    return status


def cmd_package() -> int:
    cmd_setup("build")
    ensure_debs(PACKAGE_DEBS, required=True)
    return run(["bash", REPO / "build" / "build.sh"], cwd=REPO)


def cmd_bench(args: list[str]) -> int:
    cmd_setup("test,dask")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return run([PY, REPO / "benchmarks" / "run_all.py", *args], cwd=REPO, env=env)


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("help", [])
    if command == "demo":
        return cmd_demo()
    if command == "test":
        return cmd_test(rest)
    if command == "package":
        return cmd_package()
    if command == "bench":
        return cmd_bench(rest)
    if command == "setup":
        cmd_setup("test,dask,build")
        return 0
    print(__doc__)
    return 0 if command in {"help", "-h", "--help"} else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
