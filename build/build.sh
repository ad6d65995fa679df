#!/usr/bin/env bash
# Build the frozen FrameLens program (dist/framelens/) and, on Debian/Ubuntu,
# the .deb package (dist/framelens_VERSION_amd64.deb).
#
#   bash build/build.sh            # or: python3 scripts/dev.py package
#
# Uses the virtual environment in .venv (scripts/dev.py creates it). PyInstaller's
# work folder is dist/pyinstaller-work, never build/ itself.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${FRAMELENS_PYTHON:-.venv/bin/python}
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --workpath dist/pyinstaller-work --distpath dist build/framelens.spec
# Strip debugging symbols (pyenv's libpython alone carries 20 MB of them), but
# not from wheels' vendored "*.libs" folders: auditwheel patched those with
# patchelf, and stripping them breaks them ("ELF load command ... not page-aligned").
if command -v strip >/dev/null; then
    find dist/framelens -type f \( -name '*.so' -o -name '*.so.*' \) -not -path '*.libs/*' \
        -exec strip --strip-debug {} + 2>/dev/null || true
fi
echo "frozen program: dist/framelens/ ($(du -sh dist/framelens | cut -f1) unpacked)"
if command -v dpkg-deb >/dev/null; then
    bash build/make_deb.sh
fi
