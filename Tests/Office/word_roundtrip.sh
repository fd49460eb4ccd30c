#!/usr/bin/env bash
# Each Word fixture of Tests/WordImportTests/Fixtures round-tripped: submitted
# to a workspace (the .docx made into a note), compiled to HTML, and every
# line of the text LibreOffice itself extracts from the original
# (--convert-to txt) must be in the summary's text: nothing the Word file
# held is lost on the way.
# Usage: word_roundtrip.sh IMRF_BINARY
set -euo pipefail
imrf=$(realpath "$1")
fixtures=$(cd "$(dirname "$0")/../WordImportTests/Fixtures" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
"$imrf" init ws --edition 2026 --example >/dev/null
sessions=(round-table-1 round-table-2 round-table-3)
i=0
for name in elements spanish arabic; do
    HOME="$work/home" timeout 180 soffice --headless --convert-to "txt:Text (encoded):UTF8" --outdir "$work/text" \
        "$fixtures/$name.docx" >/dev/null 2>&1
    "$imrf" submit "$fixtures/$name.docx" -w ws --session "${sessions[$i]}" --author "Word $name" --title "Word $name" >/dev/null
    i=$((i + 1))
done
"$imrf" compile ws --draft --format html >/dev/null
python3 - ws/build/summary.html "$work/text" <<'PY'
import html, html.parser, pathlib, re, sys

class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
    def handle_data(self, data):
        self.parts.append(data)

def flat(text):
    # Whitespace of any kind (no-break spaces, line breaks) as one space;
    # the bidirectional marks a right-to-left export adds, dropped.
    text = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]", "", text)
    return " ".join(text.split())

def unmarked(text):
    # LibreOffice's text keeps a footnote's or endnote's mark glued to the
    # word before it ("6,2 %1", "3 %.i") and drops the note; the summary
    # numbers its footnotes anew. Marks removed the same way on both sides.
    return re.sub(r"(?<=[^\s\d])(?:\d+|[ivx]+)(?=\s|$)", "", text)

parser = Text()
parser.feed(open(sys.argv[1], encoding="utf-8").read())
summary = flat("".join(parser.parts))
summary_unmarked = unmarked(summary)
checked = 0
for original in sorted(pathlib.Path(sys.argv[2]).glob("*.txt")):
    for line in open(original, encoding="utf-8-sig").read().splitlines():
        # A list item's bullet or number is the list's, not the text's.
        text = flat(re.sub(r"^\s*(?:[•◦▪‣·-]|\d+[.)])\s+", "", line))
        if not text:
            continue
        if text not in summary and unmarked(text) not in summary_unmarked:
            sys.exit(f"word round trip: {original.stem}.docx: not in the summary: {text!r}")
        checked += 1
if checked < 30:
    sys.exit(f"word round trip: only {checked} lines checked")
print(f"word round trip: {checked} lines of LibreOffice's text of 3 Word files are in the summary")
PY
