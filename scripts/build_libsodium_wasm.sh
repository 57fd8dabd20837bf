#!/usr/bin/env bash
# Builds libsodium (Debian source package) as a static wasm library: build_libsodium_wasm.sh SRC OUT.
# Flags from TOOLCHAIN.md; --enable-minimal keeps argon2id, secretbox and randombytes.
set -euo pipefail
src=$1 out=$2
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
[ -x "$src/configure" ] || (cd "$src" && ./autogen.sh -s >/dev/null)
work="$out/build"
rm -rf "$work" && mkdir -p "$work"
cd "$work"
emconfigure "$src/configure" --host=wasm32-unknown-emscripten --prefix="$out" \
  --disable-shared --enable-static --disable-asm --disable-ssp --disable-pie --without-pthreads \
  --enable-minimal CFLAGS="-Os" >/dev/null
emmake make -j"$(nproc)" >/dev/null
emmake make install >/dev/null
echo "libsodium for wasm: $out/lib/libsodium.a"
