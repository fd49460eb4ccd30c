#!/usr/bin/env bash
# Makes the .docx fixtures of WordImportTests from the sources beside this
# script with LibreOffice (7.4 here): elements.html through Writer's HTML
# import, the .fodt files (footnotes, endnotes, comments, pictures, text
# boxes, renamed headings, Arabic right to left, Spanish) directly.
# Run it after changing a source; commit the sources and the .docx files.
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
soffice --headless --infilter="HTML (StarWriter)" --convert-to docx:"MS Word 2007 XML" --outdir "$out" elements.html >/dev/null
soffice --headless --convert-to docx:"MS Word 2007 XML" --outdir "$out" spanish.fodt arabic.fodt >/dev/null
cp "$out"/*.docx .
ls -l ./*.docx
