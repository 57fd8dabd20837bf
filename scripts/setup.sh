#!/usr/bin/env bash
# Idempotent setup: Debian packages for both builds, Debian *source* packages the wasm build
# compiles (into the git-ignored .deps/), and the npm packages the browser tests use.
# Safe to run again: every step checks whether its work is already done.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
deps="$root/.deps"
mkdir -p "$deps"

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

packages=(
  build-essential cmake ninja-build pkg-config dpkg-dev autoconf automake libtool
  emscripten
  librestinio-dev libasio-dev libfmt-dev libhttp-parser-dev libsqlite3-dev sqlite3 libsodium-dev libssl-dev nlohmann-json3-dev doctest-dev
  chromium fonts-wqy-microhei python3-fonttools brotli gzip curl
  # Characters outside the bundled font are drawn by the browser's fonts (issue 19): the browser
  # tests need a colour emoji font next to WenQuanYi (which covers Traditional characters)
  fonts-noto-color-emoji
  # Support tickets: BIP-39 word lists (English, Simplified Chinese) for the secret scanner
  python3-mnemonic
  # Fuzzing (scripts/fuzz.sh): clang with libFuzzer and the sanitizers
  clang-14 libclang-rt-14-dev
  # Account security (issue 7): the browser test decodes the 2FA QR code from a screenshot
  zbar-tools
  # Scale-out (issue 9): the PostgreSQL backend (libpq) and the throwaway cluster the tests start
  libpq-dev postgresql
  # Product images (issue 20): libvips decodes uploads and encodes their WebP renditions (server
  # only); its command line tool makes the JPEG and WebP fixtures of the API tests
  libvips-dev libvips-tools
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

src_list=/etc/apt/sources.list.d/satstore-src.sources
need_update=0
if [ ! -f "$src_list" ]; then
  $SUDO tee "$src_list" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  need_update=1
fi
if [ ${#missing[@]} -gt 0 ] || [ $need_update -eq 1 ]; then
  echo "setup: apt-get update"
  $SUDO apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Debian source packages compiled into wasm. `apt-get source` unpacks into <name>-<version>/.
fetch_source() { # $1 = source package, $2 = marker file inside the unpacked tree
  local pkg=$1 marker=$2
  if ! compgen -G "$deps/$pkg-*/$marker" >/dev/null; then
    echo "setup: fetching Debian source $pkg"
    (cd "$deps" && apt-get source -qq "$pkg" >/dev/null 2>&1 || apt-get source -qq --download-only "$pkg" >/dev/null)
  fi
  local dir
  dir=$(compgen -G "$deps/$pkg-*/$marker" | head -n1)
  dir=${dir%/"$marker"}
  ln -sfn "$(basename "$dir")" "$deps/$pkg"
}
if [ "$(id -u)" -eq 0 ]; then export APT_CONFIG_ROOT=1; fi
fetch_source imgui imgui.h
fetch_source libsecp256k1 include/secp256k1_schnorrsig.h
fetch_source libsodium src/libsodium/include/sodium.h
# Account security (issue 7): Nayuki's QR Code generator (Debian source package
# qr-code-generator, binary libqrcodegencpp-dev) draws the 2FA enrolment QR code. The Debian
# diff of this package may be missing from the mirror (TOOLCHAIN.md): `apt-get source
# --download-only` then still leaves the upstream tarball, unpacked here under the same
# <name>-<version>/ layout fetch_source expects.
if ! compgen -G "$deps/qr-code-generator-*/cpp/qrcodegen.cpp" >/dev/null; then
  # Both commands fail when the diff is missing; what counts is the tarball checked below.
  (cd "$deps" && { apt-get source -qq qr-code-generator >/dev/null 2>&1 \
                   || apt-get source -qq --download-only qr-code-generator >/dev/null 2>&1 || true; })
  if ! compgen -G "$deps/qr-code-generator-*/cpp/qrcodegen.cpp" >/dev/null; then
    orig=$(compgen -G "$deps/qr-code-generator_*.orig.tar.*" | head -n1)
    version=${orig##*/qr-code-generator_}
    version=${version%.orig.tar.*}
    mkdir -p "$deps/qr-code-generator-$version"
    tar -xf "$orig" -C "$deps/qr-code-generator-$version" --strip-components=1
  fi
fi
fetch_source qr-code-generator cpp/qrcodegen.cpp

# npm packages for the tests: playwright-core (driving Debian's chromium; it downloads no
# browser), @noble/curves (an independent BIP-340 implementation for interop tests) and
# libsodium-wrappers-sumo (an independent argon2id and XChaCha20-Poly1305, for the wallet vault),
# ajv and @redocly/cli (every API answer checked against, and a lint of, the OpenAPI document).
if [ ! -d "$root/tests/node_modules/playwright-core" ] || [ ! -d "$root/tests/node_modules/@noble/curves" ] \
   || [ "$root/tests/package.json" -nt "$root/tests/node_modules/.package-lock.json" ]; then
  echo "setup: npm install (tests)"
  (cd "$root/tests" && npm install --no-audit --no-fund --silent)
fi
echo "setup: ok"
