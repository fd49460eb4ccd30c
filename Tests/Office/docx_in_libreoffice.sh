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
"$imrf" compile ws --format md,docx >/dev/null
HOME="$work/home" timeout 180 soffice --headless --convert-to pdf --outdir "$work" ws/build/summary.docx >/dev/null 2>&1
pdftotext -layout "$work/summary.pdf" "$work/summary.txt"
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
headings = [re.sub(r"\\(.)", r"\1", line.lstrip("#").strip())
            for line in markdown.splitlines() if re.match(r"^#{1,3} ", line)]
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
