#!/bin/sh
# Makes a tiny Docker image from Debian's busybox-static package, with no registry:
#   apt-get install busybox-static && assets/docker/import-busybox.sh [IMAGE]
# IMAGE defaults to busybox:latest, the default node and job image of Compute Studio.
set -eu

IMAGE=${1:-busybox:latest}
BUSYBOX=$(command -v busybox || true)
if [ -z "$BUSYBOX" ] || ! file -L "$BUSYBOX" 2>/dev/null | grep -q "statically linked"; then
    for candidate in /bin/busybox /usr/bin/busybox; do
        [ -x "$candidate" ] && BUSYBOX=$candidate && break
    done
fi
if [ -z "$BUSYBOX" ]; then
    echo "import-busybox: no busybox binary; install it with 'apt-get install busybox-static'" >&2
    exit 1
fi

ROOTFS=$(mktemp -d)
trap 'rm -rf "$ROOTFS"' EXIT
mkdir -p "$ROOTFS/bin" "$ROOTFS/tmp" "$ROOTFS/workspace"
cp "$BUSYBOX" "$ROOTFS/bin/busybox"
for applet in $("$ROOTFS/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln -s busybox "$ROOTFS/bin/$applet"
done
tar -C "$ROOTFS" -c . | docker import - "$IMAGE" >/dev/null
echo "import-busybox: $IMAGE is ready"
