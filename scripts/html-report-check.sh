#!/usr/bin/env bash
# Checks the HTML grade report in a real browser (headless Chromium):
#   1. the file references nothing outside itself (no src, href, url(), @import, script, http(s)
#      or protocol-relative address);
#   2. Chromium renders it and the screenshot is not blank;
#   3. Chromium's network log of that render holds no request other than the file itself.
#
# Usage: scripts/html-report-check.sh [REHEARSE_BINARY] [SCREENSHOT.png]
#   REHEARSE_BINARY  default .build/debug/rehearse (built with `swift build` when missing)
#   SCREENSHOT.png   where to keep the screenshot (default: a temporary file, removed)
# Needs: chromium (Debian package `chromium`), python3.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${1:-.build/debug/rehearse}
KEEP=${2:-}
if [ ! -x "$BIN" ]; then swift build >/dev/null; fi
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
  echo "html-report-check: chromium is not installed (apt-get install -y chromium)" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
report="$work/report.html"
"$BIN" grade examples/week-one-cohort.csv --format html -o "$report"

echo "== 1. no outside reference in the file"
python3 - "$report" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
patterns = {
    "src attribute": r"\bsrc\s*=",
    "href attribute": r"\bhref\s*=",
    "url()": r"url\s*\(",
    "@import": r"@import",
    "script": r"<script",
    "http(s) address": r"https?:",
    "protocol-relative address": r"[\"'(=]\s*//",
    "link, img, iframe, object or embed": r"<(link|img|iframe|object|embed)\b",
}
found = [name for name, pattern in patterns.items() if re.search(pattern, html, re.I)]
if found:
    sys.exit("the report references the outside: " + ", ".join(found))
print(f"ok: {len(html)} characters, {html.count('<svg')} inline SVG charts, no outside reference")
PY

# Renders $1 to the screenshot $2 with a network log $3.
render() {
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-default-apps --disable-extensions --host-resolver-rules="MAP * ~NOTFOUND" \
    --window-size=1200,1600 --log-net-log="$3" --net-log-capture-mode=Everything \
    --screenshot="$2" "file://$1" >"$work/chromium.log" 2>&1 || {
    cat "$work/chromium.log" >&2
    exit 1
  }
}

# Lists the requests the page itself made (the browser's own background requests, such as its
# update checks, are not the page's: their network isolation key is not the file's).
page_requests() {
  python3 - "$1" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read().rstrip().rstrip(",")
if not text.endswith("}"):
    text += "]}"  # a log cut short when the browser exits
log = json.loads(text)
names = {value: key for key, value in log["constants"]["logEventTypes"].items()}
for event in log["events"]:
    if names.get(event["type"]) != "URL_REQUEST_START_JOB":
        continue
    params = event.get("params") or {}
    key = params.get("network_isolation_key", "")
    if key.startswith("file://") or params.get("initiator") == "null":
        url = params.get("url", "")
        if not url.startswith(("file:", "data:", "about:")):
            print(url)
PY
}

echo "== 2. render and screenshot"
shot="$work/shot.png"
render "$report" "$shot" "$work/netlog.json"
python3 - "$shot" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit("the screenshot is not a PNG")
pos, chunks = 8, {}
width = height = depth = ctype = None
idat = b""
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
channels = {2: 3, 6: 4, 0: 1, 4: 2}[ctype]
if depth != 8:
    sys.exit(f"unexpected bit depth {depth}")
raw = zlib.decompress(idat)
stride = width * channels
rows, previous, offset = [], bytearray(stride), 0
for _ in range(height):
    kind, line = raw[offset], bytearray(raw[offset + 1:offset + 1 + stride])
    offset += 1 + stride
    for i in range(stride):
        left = line[i - channels] if i >= channels else 0
        up = previous[i]
        corner = previous[i - channels] if i >= channels else 0
        if kind == 1: line[i] = (line[i] + left) & 255
        elif kind == 2: line[i] = (line[i] + up) & 255
        elif kind == 3: line[i] = (line[i] + (left + up) // 2) & 255
        elif kind == 4:
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
    rows.append(bytes(line))
    previous = line
colours, ink = set(), 0
for line in rows:
    for x in range(0, stride, channels * 3):
        pixel = line[x:x + 3]
        colours.add(pixel)
        if pixel != b"\xff\xff\xff":
            ink += 1
samples = height * (width // 3)
share = ink / samples
if len(colours) < 8 or share < 0.01:
    sys.exit(f"the screenshot looks blank: {len(colours)} colours, {share:.1%} non-white")
print(f"ok: {width}x{height} screenshot, {len(colours)} colours, {share:.1%} of it non-white")
PY

echo "== 3. no request leaves the file"
# First prove the detector works: a page with one outside image must be caught.
printf '<!DOCTYPE html><p>canary</p><img src="http://example.invalid/x.png">\n' >"$work/canary.html"
render "$work/canary.html" "$work/canary.png" "$work/canary-netlog.json"
if ! page_requests "$work/canary-netlog.json" 2>/dev/null | grep -q "example.invalid"; then
  echo "the network check failed to see the canary page's request" >&2
  exit 1
fi
outside=$(page_requests "$work/netlog.json")
if [ -n "$outside" ]; then
  echo "requests left the file:" >&2
  echo "$outside" >&2
  exit 1
fi
echo "ok: the report made no request beyond its own file (the canary's was caught)"

if [ -n "$KEEP" ]; then cp "$shot" "$KEEP"; fi
echo "html report check passed"
