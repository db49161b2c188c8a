#!/bin/bash
# SPDX-License-Identifier: MIT
# Proves the README's two commands on a machine that has none of quoth's
# packages: makes a clean Debian 12 root with debootstrap, puts a fresh clone
# of this repository (and ../shared beside it, as CI has it) inside, and runs
# the two commands there as a new user would.  Needs root and the Debian
# mirror this machine's apt uses.  Not part of `meson test`: it downloads.
#
# usage: tests/fresh/clean-root.sh [WORKDIR]      (log on stdout)
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-/var/tmp/quoth-clean-root}
base=$work/bookworm-minbase.tar
root=$work/root

# The mirror apt already uses here, so the script names no host of its own.
mirror=$(sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\/debian\)$/\1/p' \
            /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)
[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $2 ~ /\/debian$/ { print $2; exit }' \
                                /etc/apt/sources.list 2>/dev/null)

mkdir -p "$work"
if [ ! -f "$base" ]; then
    echo "== debootstrap bookworm (minbase) from the system's mirror"
    rm -rf "$work/base"
    debootstrap --variant=minbase bookworm "$work/base" ${mirror:+"$mirror"} \
        > "$work/debootstrap.log" 2>&1 || { tail "$work/debootstrap.log"; exit 1; }
    tar -C "$work/base" -cf "$base" .
    rm -rf "$work/base"
fi

umount_all() {
    for m in dev/pts dev proc sys; do
        mountpoint -q "$root/$m" && umount -l "$root/$m"
    done
    return 0
}
trap umount_all EXIT
umount_all
rm -rf "$root"
mkdir -p "$root"
tar -C "$root" -xf "$base"

echo "== fresh clone of $(git -C "$top" rev-parse --short HEAD) into a clean root"
git clone --quiet --no-local "$top" "$root/home/user/quoth"
[ -d "$top/../shared" ] && cp -r "$top/../shared" "$root/home/user/shared"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"

echo "== packages in the root before: $(chroot "$root" dpkg-query -W | wc -l)"
for dev in libncurses-dev libxml2-dev libpcre2-dev libsqlite3-dev \
           libutf8proc-dev libjansson-dev nettle-dev meson; do
    chroot "$root" dpkg-query -W "$dev" >/dev/null 2>&1 &&
        { echo "not clean: $dev is installed"; exit 1; }
done

# The two commands, exactly as README.md gives them, without a terminal.
mapfile -t cmds < <(awk '/^```sh$/ { on = 1; next } /^```$/ && on { exit }
                          on' "$top/README.md" |
                    sed 's/[[:space:]]*#.*$//' | grep -v '^$')
[ "${#cmds[@]}" -eq 2 ] || { echo "README.md must open with two commands"; exit 1; }
rc=0
n=0
for c in "${cmds[@]}"; do
    n=$((n + 1))
    echo "== command $n: $c"
    status=0
    start=$(date +%s)
    chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin \
        LANG=C.UTF-8 /bin/bash -c "cd /home/user/quoth && $c" </dev/null \
        >"$work/command-$n.log" 2>&1 || status=$?
    # What the set-up said, then how the command ended.
    grep -E '^== |^setup: ' "$work/command-$n.log" | sed 's/^/   | /'
    echo "   | ..."
    tail -n 12 "$work/command-$n.log" | sed 's/^/   | /'
    echo "== command $n: exit status $status after $(( $(date +%s) - start )) s" \
         "(whole log: $work/command-$n.log)"
    [ "$status" -eq 0 ] || rc=1
done
echo "== packages in the root after: $(chroot "$root" dpkg-query -W | wc -l)"
exit $rc
