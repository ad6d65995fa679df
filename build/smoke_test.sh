#!/usr/bin/env bash
# Install dist/framelens_*.deb, check the installed program, remove it and check
# that nothing is left behind. Needs root (apt-get). Used by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
DEB=$(ls dist/framelens_*_*.deb | head -1)
echo "installing $DEB"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$DEB" >/dev/null
command -v framelens
framelens --version
out=$(mktemp -d)
# The frozen program must find TextBlob's lexicon, nupunkt's model and resources/.
QT_QPA_PLATFORM=offscreen framelens --selftest | tee "$out/selftest.txt"
tail -1 "$out/selftest.txt" | grep -qx ok
# Headless subcommands work from the package too.
framelens analyze /opt/framelens/_internal/resources/samples --json > "$out/analyze.json"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d['articles']) >= 3, d['errors']" "$out/analyze.json"
framelens compare /opt/framelens/_internal/resources/samples --json > "$out/compare.json"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['groups'] and d['stories'] and d['headlines'], sorted(d)" "$out/compare.json"
framelens kwic council /opt/framelens/_internal/resources/samples --json > "$out/kwic.json"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['hits'], d" "$out/kwic.json"
# The frozen GUI starts offscreen and draws the demo.
QT_QPA_PLATFORM=offscreen framelens --demo --screenshot "$out/demo.png"
python3 -c "import sys; d=open(sys.argv[1],'rb').read(); assert d[:8]==b'\x89PNG\r\n\x1a\n' and len(d) > 20000, len(d)" "$out/demo.png"
echo "frozen GUI screenshot: $(du -h "$out/demo.png" | cut -f1)"
echo "installed size: $(du -sh /opt/framelens | cut -f1)"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq framelens >/dev/null
for path in /opt/framelens /usr/bin/framelens /usr/share/applications/framelens.desktop \
            /usr/share/mime/packages/framelens.xml /usr/share/icons/hicolor/256x256/apps/framelens.png; do
    if [ -e "$path" ] || [ -L "$path" ]; then echo "left behind after removal: $path" >&2; exit 1; fi
done
echo "removed cleanly"
rm -rf "$out"
