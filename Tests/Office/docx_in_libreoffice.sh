#!/usr/bin/env bash
# Opens the example's summary.docx in LibreOffice headless, converts it to PDF
# and checks with pdftotext that every heading of summary.md (sessions, note
# titles, annex) appears in the PDF in the same order, and the footnotes too.
# Usage: docx_in_libreoffice.sh IMRF_BINARY
set -euo pipefail
imrf=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
"$imrf" init ws --edition 2026 --example >/dev/null
# A picture in the plenary note (a 400 x 200 PNG made here), which must
# reach the PDF as an image.
mkdir -p ws/notes/figures
python3 - ws/notes/figures/chart.png <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
rows = b"".join(b"\x00" + bytes((0, 156, 222)) * 400 for _ in range(200))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 400, 200, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
plenary=$(grep -l '^session: plenary' ws/notes/*.md | head -1)
printf '\n![Chart of remittance costs](figures/chart.png)\n' >>"$plenary"
"$imrf" compile ws --format md,docx >/dev/null
HOME="$work/home" timeout 180 soffice --headless --convert-to pdf --outdir "$work" ws/build/summary.docx >/dev/null 2>&1
pdftotext -layout "$work/summary.pdf" "$work/summary.txt"
images=$(pdfimages -list "$work/summary.pdf" | tail -n +3 | awk '$4 == 400 && $5 == 200' | wc -l)
[ "$images" -ge 1 ] || { echo "docx in LibreOffice: the note's 400 x 200 picture is not in the PDF" >&2; exit 1; }
python3 - ws/build/summary.md "$work/summary.txt" <<'PY'
import re, sys
markdown = open(sys.argv[1], encoding="utf-8").read()
# pdftotext writes right-to-left lines in visual order with embedding marks:
# drop the marks, and match an Arabic heading by its run of Arabic words.
text = re.sub("[\u200e\u200f\u202a-\u202e]", "", open(sys.argv[2], encoding="utf-8").read())
text = " ".join(text.split())
def searchable(heading):
    arabic = re.findall("[\u0600-\u06ff]+(?: [\u0600-\u06ff]+)*", heading)
    return max(arabic, key=len) if arabic else " ".join(heading.split())
# The Markdown's "Footnotes" heading stands over the definitions; Word sets
# each footnote at the foot of its page instead.
headings = [re.sub(r"\\(.)", r"\1", line.lstrip("#").strip())
            for line in markdown.splitlines() if re.match(r"^#{1,3} ", line) and line != "## Footnotes"]
footnotes = [re.sub(r"\\(.)", r"\1", m) for m in re.findall(r"^\[\^\d+\]: (.*)$", markdown, re.M)]
position = 0
for heading in headings:
    found = text.find(searchable(heading), position)
    if found < 0:
        sys.exit(f"docx in LibreOffice: heading missing or out of order in the PDF: {heading!r}")
    position = found
for note in footnotes:
    if " ".join(note.split()) not in text:
        sys.exit(f"docx in LibreOffice: footnote missing from the PDF: {note!r}")
if len(headings) < 10 or len(footnotes) < 2:
    sys.exit(f"docx in LibreOffice: too few headings ({len(headings)}) or footnotes ({len(footnotes)}) to check")
print(f"docx in LibreOffice: {len(headings)} headings in order, {len(footnotes)} footnotes")
PY
