#!/usr/bin/env bash
# Builds the real Dockerfile with podman, without a Docker engine or an image registry, and checks
# the runtime image: the base images are made locally (debootstrap), the crates vendored into a copy
# of the build context, and the image's entrypoint and healthcheck run by chroot into the mounted
# image as its own user (containers cannot be started on these machines).
#
#   scripts/container-smoke.sh          # as root; a few GB of disk and several minutes
#
# Work files go to target/container-smoke/ (delete it afterwards); the image is localhost/attache.
# See ../shared/notes/container-build.md for the method. Not part of .ci/run: it takes too long.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work="$root/target/container-smoke"
mkdir -p "$work"
step() { printf '\n== %s\n' "$*"; }

# The FROM lines of the Dockerfile, so the Dockerfile itself is what gets built.
build_base=$(sed -n 's/^FROM \([^ ]*\) AS build$/\1/p' Dockerfile)
run_base=$(sed -n 's/^FROM \([^ ]*\) AS runtime$/\1/p' Dockerfile)
[ -n "$build_base" ] && [ -n "$run_base" ] || { echo "cannot read the FROM lines" >&2; exit 1; }

step "tools"
command -v podman >/dev/null && command -v debootstrap >/dev/null ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman debootstrap

step "runtime base ($run_base) from debootstrap"
if ! podman image exists "docker.io/library/$run_base"; then
    [ -x "$work/rootfs/bin/sh" ] || debootstrap --variant=minbase bookworm "$work/rootfs" http://deb.debian.org/debian
    tar -C "$work/rootfs" -c . | podman import - "docker.io/library/$run_base"
fi

step "build base ($build_base): that rootfs, gcc and the host's Rust toolchain"
if ! podman image exists "docker.io/library/$build_base"; then
    rm -rf "$work/buildroot"
    cp -a "$work/rootfs" "$work/buildroot"
    cp /etc/resolv.conf "$work/buildroot/etc/resolv.conf"
    chroot "$work/buildroot" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gcc libc6-dev ca-certificates'
    mkdir -p "$work/buildroot/usr/local/rustup/toolchains"
    cp -a "$(rustc --print sysroot)" "$work/buildroot/usr/local/rustup/toolchains/stable"
    for b in cargo rustc; do
        ln -sf "/usr/local/rustup/toolchains/stable/bin/$b" "$work/buildroot/usr/local/bin/$b"
    done
    tar -C "$work/buildroot" -c . |
        podman import --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' - "docker.io/library/$build_base"
fi

step "build context: the checkout's tracked files, crates vendored"
rm -rf "$work/context"
mkdir -p "$work/context"
git ls-files -z | xargs -0 cp --parents -t "$work/context"
(cd "$work/context" && cargo vendor --locked --quiet vendor >/dev/null)
mkdir -p "$work/context/.cargo"
cat >"$work/context/.cargo/config.toml" <<'EOF'
[source.crates-io]
replace-with = "vendored"
[source.vendored]
directory = "vendor"
EOF
# The Dockerfile copies what it needs by name; the vendored crates must reach the build stage too.
sed 's|^COPY Cargo.toml Cargo.lock ./$|COPY Cargo.toml Cargo.lock ./\nCOPY vendor ./vendor\nCOPY .cargo ./.cargo|' \
    Dockerfile >"$work/context/Dockerfile"
# .dockerignore may exclude the vendor directory or .cargo; this copy must not.
printf 'target\n' >"$work/context/.dockerignore"

step "podman build"
# Docker format: the OCI image format has no HEALTHCHECK.
podman build --format docker --pull=never --isolation chroot -t localhost/attache "$work/context"

step "the runtime image"
podman image inspect --format 'user={{.Config.User}} entrypoint={{.Config.Entrypoint}} cmd={{.Config.Cmd}} healthcheck={{.Config.Healthcheck}}' localhost/attache
hc=$(podman image inspect --format '{{.Config.Healthcheck}}' localhost/attache)
case "$hc" in *healthcheck*) ;; *) echo "the image has no HEALTHCHECK running attache healthcheck: $hc" >&2; exit 1 ;; esac
mnt=$(podman image mount localhost/attache)
trap 'podman image unmount localhost/attache >/dev/null' EXIT
user=$(podman image inspect --format '{{.Config.User}}' localhost/attache)
[ "$user" = "attache:attache" ] || { echo "the image does not run as attache ($user)" >&2; exit 1; }
uid=$(chroot "$mnt" id -u attache)
[ "$uid" != 0 ] || { echo "the attache user is root" >&2; exit 1; }
run() { chroot --userspec=attache:attache "$mnt" env HOME=/app ATTACHE_KNOWLEDGE=/app/knowledge \
    ATTACHE_LOCALES=/app/locales ATTACHE_STATUS_FILE=/data/attache.health.json "$@"; }
run /usr/local/bin/attache ask "When is Blinken visiting China?"
run /usr/local/bin/attache check
# No status file yet: the healthcheck reports unhealthy (exit 1) with a reason.
if run /usr/local/bin/attache healthcheck; then
    echo "healthcheck passed with no gateway status" >&2
    exit 1
fi
ls -la "$mnt/usr/local/bin/attache"
echo "container smoke test passed: localhost/attache"
