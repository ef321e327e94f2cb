#!/bin/sh
# Builds the installer (./mvnw -Pinstaller package) and checks what it made: the app image's
# launcher answers --version and runs CLI commands against a temporary data folder (H2, Flyway
# migrations from the jar, the Docker probe), and the .deb declares libgtk-3-0 and carries the
# menu entry and the icon. Linux only; needs fakeroot and binutils for jpackage's --type deb.
set -eu
cd "$(dirname "$0")/.."

start=$(date +%s)
./mvnw -B -q -Pinstaller -DskipTests package
echo "verify: installer built in $(( $(date +%s) - start )) s"

image=target/installer/image/compute-studio
launcher="$image/bin/compute-studio"
deb=$(ls target/installer/compute-studio_*.deb)
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

fail() { echo "verify: FAIL: $*" >&2; exit 1; }

"$launcher" --version | tee "$data/version.txt"
grep -q "^Compute Studio $(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)$" "$data/version.txt" \
    || fail "--version does not print the pom's version"
"$launcher" --data-dir "$data/home" workspace create --name ws1 >/dev/null
"$launcher" --data-dir "$data/home" compute create -w ws1 --name cpu --size Standard_DS3_v2 \
    --min-instances 0 --max-instances 1 >/dev/null
"$launcher" --data-dir "$data/home" compute list -w ws1 | tee "$data/list.txt"
grep -q "^cpu " "$data/list.txt" || fail "compute list does not show the new cluster"
[ -f "$data/home/compute-studio.mv.db" ] || fail "no H2 database in the data folder"

dpkg-deb -I "$deb" | tee "$data/info.txt"
dpkg-deb -c "$deb" > "$data/contents.txt"
grep -q "^ Depends:.*libgtk-3-0" "$data/info.txt" || fail "the .deb does not depend on libgtk-3-0"
grep -q "/opt/compute-studio/lib/compute-studio-compute-studio.desktop$" "$data/contents.txt" \
    || fail "the .deb has no .desktop entry"
grep -q "/opt/compute-studio/lib/compute-studio.png$" "$data/contents.txt" || fail "the .deb has no icon"
grep -q "/opt/compute-studio/bin/compute-studio$" "$data/contents.txt" || fail "the .deb has no launcher"
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./opt/compute-studio/lib/compute-studio-compute-studio.desktop \
    > "$data/entry.desktop"
grep -q "^Categories=Development;" "$data/entry.desktop" || fail "the .desktop entry is not in Development"
grep -q "^Exec=/opt/compute-studio/bin/compute-studio$" "$data/entry.desktop" || fail "the .desktop Exec is wrong"

echo "verify: app image $(du -sh "$image" | cut -f1), .deb $(du -h "$deb" | cut -f1)"
echo "verify: ok"
