#!/usr/bin/env bash
# Package dist/framelens/ (made by build/build.sh) as dist/framelens_VERSION_ARCH.deb:
# the program under /opt/framelens, /usr/bin/framelens, a desktop entry, the
# application icon in the hicolor theme and a MIME type for .framelens sessions.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${FRAMELENS_PYTHON:-.venv/bin/python}
VERSION=$("$PY" -c 'import analysis; print(analysis.__version__)')
ARCH=$(dpkg --print-architecture)
[ -x dist/framelens/framelens ] || { echo "dist/framelens/ is missing: run build/build.sh first" >&2; exit 1; }

STAGE=dist/deb/framelens_${VERSION}_${ARCH}
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
         "$STAGE/usr/share/mime/packages" "$STAGE/usr/share/doc/framelens"
cp -a dist/framelens "$STAGE/opt/framelens"
ln -s /opt/framelens/framelens "$STAGE/usr/bin/framelens"
install -m 644 build/linux/framelens.desktop "$STAGE/usr/share/applications/framelens.desktop"
install -m 644 build/linux/framelens-mime.xml "$STAGE/usr/share/mime/packages/framelens.xml"
for size in 16 24 32 48 64 128 256 512; do
    dir="$STAGE/usr/share/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$dir"
    install -m 644 "resources/icons/framelens-${size}.png" "$dir/framelens.png"
    mime="$STAGE/usr/share/icons/hicolor/${size}x${size}/mimetypes"
    mkdir -p "$mime"
    install -m 644 "resources/icons/framelens-${size}.png" "$mime/application-x-framelens-session.png"
done
mkdir -p "$STAGE/usr/share/icons/hicolor/scalable/apps"
install -m 644 resources/icons/framelens.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/framelens.svg"
install -m 644 LICENSE "$STAGE/usr/share/doc/framelens/copyright" 2>/dev/null || true

SIZE_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$SIZE_KB/" \
    build/linux/control.in > "$STAGE/DEBIAN/control"
install -m 755 build/linux/postinst "$STAGE/DEBIAN/postinst"
install -m 755 build/linux/postrm "$STAGE/DEBIAN/postrm"

dpkg-deb --root-owner-group --build "$STAGE" "dist/framelens_${VERSION}_${ARCH}.deb" >/dev/null
echo "package: dist/framelens_${VERSION}_${ARCH}.deb ($(du -h "dist/framelens_${VERSION}_${ARCH}.deb" | cut -f1))"
