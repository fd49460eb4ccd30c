#!/usr/bin/env bash
# Opens the example's summary.docx in LibreOffice headless, converts it to PDF
# and checks with pdftotext that every heading of summary.md (sessions, note
# titles, annex) appears in the PDF in the same order, and the footnotes too.
# Then `imrf compile --format pdf` itself: the same check of its summary.pdf,
# and pdfinfo says it is tagged, with the summary's title, its language and
# the picture's alternative text. Last the same with --reference-docx: the
# reference's page and font.
# Usage: docx_in_libreoffice.sh IMRF_BINARY
set -euo pipefail
imrf=$(realpath "$1")
repository=$(cd "$(dirname "$0")/../.." && pwd)
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
cat >"$work/headings.py" <<'PY'
import re, sys
markdown = open(sys.argv[1], encoding="utf-8").read()
# pdftotext writes right-to-left lines in visual order with embedding marks:
# drop the marks, and match an Arabic heading by its run of Arabic words.
text = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", open(sys.argv[2], encoding="utf-8").read())
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
        sys.exit(f"{sys.argv[3]}: heading missing or out of order in the PDF: {heading!r}")
    position = found
for note in footnotes:
    if " ".join(note.split()) not in text:
        sys.exit(f"{sys.argv[3]}: footnote missing from the PDF: {note!r}")
if len(headings) < 10 or len(footnotes) < 2:
    sys.exit(f"{sys.argv[3]}: too few headings ({len(headings)}) or footnotes ({len(footnotes)}) to check")
print(f"{sys.argv[3]}: {len(headings)} headings in order, {len(footnotes)} footnotes")
PY
python3 "$work/headings.py" ws/build/summary.md "$work/summary.txt" "docx in LibreOffice"

# imrf's own PDF, made from the same summary.docx.
"$imrf" compile ws --format md,pdf >/dev/null
pdf=ws/build/summary.pdf
pdftotext -layout "$pdf" "$work/imrf.txt"
python3 "$work/headings.py" ws/build/summary.md "$work/imrf.txt" "imrf compile --format pdf"
info=$(pdfinfo "$pdf")
grep -qx 'Tagged: *yes' <<<"$info" || { echo "imrf compile --format pdf: not a tagged PDF: $info" >&2; exit 1; }
grep -qx 'Title: *Second International Migration Review Forum: summary of the President of the General Assembly' <<<"$info" \
    || { echo "imrf compile --format pdf: the title is not the summary's: $info" >&2; exit 1; }
grep -q '<pdfuaid:part>1</pdfuaid:part>' <<<"$(pdfinfo -meta "$pdf")" || { echo "imrf compile --format pdf: no PDF/UA identification" >&2; exit 1; }
images=$(pdfimages -list "$pdf" | tail -n +3 | awk '$4 == 400 && $5 == 200' | wc -l)
[ "$images" -ge 1 ] || { echo "imrf compile --format pdf: the note's 400 x 200 picture is not in the PDF" >&2; exit 1; }
# The catalog's language and the picture's alternative text (a Figure's
# /Alt, UTF-16 in hexadecimal): LibreOffice writes these objects uncompressed.
python3 - "$pdf" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
catalog = re.search(rb"/Type/Catalog.*?endobj", data, re.S)
if not catalog or not re.search(rb"/Lang\((en[-A-Z]*)\)", catalog.group(0)):
    sys.exit("imrf compile --format pdf: the catalog names no English /Lang")
alt = "Chart of remittance costs"
hexed = ("FEFF" + "".join(f"{ord(c):04X}" for c in alt)).encode()
if b"/Alt<" + hexed + b">" not in data and b"/Alt(" + alt.encode() + b")" not in data:
    sys.exit("imrf compile --format pdf: the picture's alternative text is not its /Alt")
print("imrf compile --format pdf: tagged (PDF/UA), title, language and the picture's alternative text")
PY

# The office's own styles (--reference-docx): the PDF is on the reference's
# page (US Letter) in its font (DejaVu Sans), made by LibreOffice from
# Tests/WordImportTests/Fixtures/office-styles.fodt.
"$imrf" compile ws --format pdf --out "$work/reference" --reference-docx "$repository/Tests/WordImportTests/Fixtures/office-styles.docx" >/dev/null
pdfinfo "$work/reference/summary.pdf" | grep -q '^Page size: *612 x 792 pts' \
    || { echo "--reference-docx: the PDF is not on the reference's US Letter page" >&2; exit 1; }
pdffonts "$work/reference/summary.pdf" | grep -q 'DejaVuSans' \
    || { echo "--reference-docx: the PDF does not use the reference's font" >&2; exit 1; }
python3 "$work/headings.py" ws/build/summary.md <(pdftotext -layout "$work/reference/summary.pdf" -) "imrf compile --reference-docx"
echo "imrf compile --reference-docx: the reference's page and font, every heading in order"
