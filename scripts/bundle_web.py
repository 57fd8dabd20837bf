#!/usr/bin/python3
"""Assemble the static web bundle of the satstore client (python3 stdlib + fontTools).

Run by CMake (src/client/CMakeLists.txt, target web_bundle). Produces in --out:
  index.html                 from the --template, with {{APP_JS}}, {{APP_WASM}}, {{FONT_UI}}, {{FONT}}
                             and the sizes {{APP_WASM_BYTES}}, {{FONT_UI_BYTES}} (the loading
                             progress) filled in
  app.<hash>.js / .wasm      the Emscripten output, renamed by a hash of both files' contents
  font-ui.<hash>.ttf         WenQuanYi Micro Hei subset to the characters of the UI strings, catalog
                             and help text, CJK punctuation and full-width forms: the first frame
                             waits for this one only
  font.<hash>.ttf            the same plus all of GB 2312 (6,763 hanzi, its punctuation, kana,
                             Greek, Cyrillic), fetched once the first page is drawn; until then,
                             and for any character beyond it, the client draws with the browser's
                             fonts
  config.json                {"api_origin": ""} (same origin); kept if it already exists there
  widget.js                  the embed script (--widget), copied as is
  *.gz, *.br                 precompressed copies of index.html, js, wasm and font
Stale hashed files from earlier builds are removed.
"""
import argparse
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

PRINTABLE_ASCII = "".join(chr(c) for c in range(0x20, 0x7F))
# Typography the UI uses beyond ASCII (ellipsis, dashes, quotes, currency, bullets, arrows...).
EXTRA_SYMBOLS = "…–—‘’“”¥€£·•×←→↑↓✓✕☰⋯°±≈、。，：；！？（）《》【】「」～￥"


def gb2312_chars():
    """Every character of GB 2312 (rows 1-9 symbols, 16-87 hanzi), from Python's own codec."""
    out = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


# CJK symbols and punctuation, and the full-width ASCII forms a Chinese IME types.
CJK_PUNCTUATION = "".join(chr(c) for c in list(range(0x3000, 0x3040)) + list(range(0xFF01, 0xFF5F)))


def sha_short(*blobs):
    h = hashlib.sha256()
    for b in blobs:
        h.update(b)
    return h.hexdigest()[:8]


def chars_in_text(text):
    return {ch for ch in text if ord(ch) >= 0x20 and ch not in "\x7f"}


def chars_from_path(path):
    """All characters of a text file, or of every file in a directory tree (missing = none)."""
    out = set()
    if os.path.isdir(path):
        for root, _dirs, files in os.walk(path):
            for name in sorted(files):
                out |= chars_from_path(os.path.join(root, name))
    elif os.path.isfile(path):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if path.endswith(".json"):
            # Decode \uXXXX escapes too: a catalog may store Chinese escaped.
            try:
                text = json.dumps(json.loads(text), ensure_ascii=False)
            except ValueError as err:
                print(f"bundle_web: {path} is not valid JSON ({err}); using its raw text",
                      file=sys.stderr)
        out |= chars_in_text(text)
    return out


def subset_font(font_path, chars, cache_dir):
    """Subset font number 0 of font_path to chars; cached by the character set."""
    text = "".join(sorted(chars))
    key = sha_short(text.encode("utf-8"), os.path.basename(font_path).encode())
    os.makedirs(cache_dir, exist_ok=True)
    cached = os.path.join(cache_dir, f"subset-{key}.ttf")
    if not os.path.exists(cached):
        text_file = os.path.join(cache_dir, f"chars-{key}.txt")
        with open(text_file, "w", encoding="utf-8") as f:
            f.write(text)
        subprocess.run([sys.executable, "-m", "fontTools.subset", font_path, "--font-number=0",
                        f"--text-file={text_file}", f"--output-file={cached}.tmp",
                        "--layout-features=*", "--no-hinting", "--desubroutinize"],
                       check=True)
        os.replace(cached + ".tmp", cached)
    with open(cached, "rb") as f:
        return f.read()


def write(path, data):
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def precompress(path):
    with open(path, "rb") as f:
        data = f.read()
    write(path + ".gz", gzip.compress(data, compresslevel=9, mtime=0))
    subprocess.run(["brotli", "-f", "-q", "11", "-o", path + ".br", path], check=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--js", required=True, help="Emscripten JS output; the .wasm sits beside it")
    ap.add_argument("--template", required=True)
    ap.add_argument("--font", required=True)
    ap.add_argument("--chars-from", action="append", default=[],
                    help="file or directory whose characters the font must cover (repeatable)")
    ap.add_argument("--widget", required=True, help="the embed script, copied as widget.js")
    ap.add_argument("--cache", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    wasm_path = os.path.splitext(args.js)[0] + ".wasm"
    with open(args.js, "rb") as f:
        js = f.read()
    with open(wasm_path, "rb") as f:
        wasm = f.read()
    app_hash = sha_short(js, wasm)

    ui_chars = set(PRINTABLE_ASCII) | set(EXTRA_SYMBOLS) | set(CJK_PUNCTUATION)
    for p in args.chars_from:
        ui_chars |= chars_from_path(p)
    ui_chars = {c for c in ui_chars if c.isprintable() or c == " "}
    chars = ui_chars | gb2312_chars()
    font_ui = subset_font(args.font, ui_chars, args.cache)
    font = subset_font(args.font, chars, args.cache)
    font_hash = sha_short(font)

    os.makedirs(args.out, exist_ok=True)
    names = {
        "APP_JS": f"app.{app_hash}.js",
        "APP_WASM": f"app.{app_hash}.wasm",
        "FONT": f"font.{font_hash}.ttf",
        "FONT_UI": f"font-ui.{sha_short(font_ui)}.ttf",
    }
    keep = set(names.values()) | {"index.html", "config.json", "widget.js"}
    for name in os.listdir(args.out):
        base = name[:-3] if name.endswith((".gz", ".br")) else name
        if re.match(r"^(app|font|font-ui)\.[0-9a-f]{8}\.", base) and base not in keep:
            os.remove(os.path.join(args.out, name))

    write(os.path.join(args.out, names["APP_JS"]), js)
    write(os.path.join(args.out, names["APP_WASM"]), wasm)
    write(os.path.join(args.out, names["FONT"]), font)
    write(os.path.join(args.out, names["FONT_UI"]), font_ui)
    with open(args.template, encoding="utf-8") as f:
        html = f.read()
    for key, value in {**names, "APP_WASM_BYTES": str(len(wasm)), "FONT_UI_BYTES": str(len(font_ui))}.items():
        html = html.replace("{{" + key + "}}", value)
    if "{{" in html:
        sys.exit(f"bundle_web: unfilled placeholder in {args.template}")
    write(os.path.join(args.out, "index.html"), html.encode("utf-8"))
    config = os.path.join(args.out, "config.json")
    if not os.path.exists(config):
        write(config, b'{"api_origin": ""}\n')
    with open(args.widget, "rb") as f:
        write(os.path.join(args.out, "widget.js"), f.read())
    for name in ("index.html", "widget.js", names["APP_JS"], names["APP_WASM"], names["FONT_UI"], names["FONT"]):
        precompress(os.path.join(args.out, name))
    print(f"bundle_web: {names['APP_JS']} {len(js)} B, {names['APP_WASM']} {len(wasm)} B, "
          f"{names['FONT_UI']} {len(font_ui)} B ({len(ui_chars)} chars), {names['FONT']} {len(font)} B ({len(chars)} chars)")


if __name__ == "__main__":
    main()
