#!/usr/bin/env bash
# Benchmark: 200 generated Word notes (about 5 pages each: headings, bold and
# italic runs, nested bulleted and numbered lists, a table, footnotes)
# imported by `imrf import-note` (the static release build, as
# Benchmarks/status.sh builds it), side by side, in one run, with pandoc
# converting the same files (`pandoc -f docx -t gfm`, one process per file:
# pandoc reads one .docx a run). imrf is timed twice: one process per file,
# as a rapporteur or a script importing one file would run it, and one
# `imrf import-note` run over all the files, as the office imports a batch
# of rapporteurs' Word files that came by e-mail (the notes of both runs are
# checked to be the same). Prints the times, `pandoc/imrf import time ratio,
# one process per file: Y` and, last, `pandoc/imrf import time ratio: X`
# for the batch run (target >= 10).
#
# usage: Benchmarks/import.sh [FILES]   (needs python3 and pandoc: apt-get install pandoc)
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

static_flags=(-c release --static-swift-stdlib --scratch-path .build/static)
swift build "${static_flags[@]}" --product imrf >&2
bin=$(swift build "${static_flags[@]}" --show-bin-path)/imrf

python3 - "$work" "$files" <<'PY'
import os, random, sys, zipfile
work, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(22)
words = ("migration compact regular safe orderly pathways remittances labour mobility climate "
         "displacement return reintegration data evidence children women integration rights "
         "border governance cooperation partnership consular protection skills recognition").split()
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

def text(n):
    return " ".join(rng.choice(words) for _ in range(n))

def run(t, props=""):
    return f'<w:r>{"<w:rPr>" + props + "</w:rPr>" if props else ""}<w:t xml:space="preserve">{t}</w:t></w:r>'

def paragraph(style=None, numbering=None, footnote=None):
    ppr = ""
    if style: ppr += f'<w:pStyle w:val="{style}"/>'
    if numbering: ppr += f'<w:numPr><w:ilvl w:val="{numbering[1]}"/><w:numId w:val="{numbering[0]}"/></w:numPr>'
    runs = run(text(12) + " ") + run(text(3), "<w:b/>") + run(" " + text(10) + " ") + run(text(2), "<w:i/>") + run(" " + text(14) + ".")
    if footnote is not None:
        runs += f'<w:r><w:footnoteReference w:id="{footnote}"/></w:r>'
    return f'<w:p>{"<w:pPr>" + ppr + "</w:pPr>" if ppr else ""}{runs}</w:p>'

styles = f'<w:styles {W}>' + "".join(
    f'<w:style w:type="paragraph" w:styleId="Heading{n}"><w:name w:val="heading {n}"/><w:pPr><w:outlineLvl w:val="{n-1}"/></w:pPr></w:style>'
    for n in (1, 2, 3)) + '</w:styles>'
numbering = (f'<w:numbering {W}>'
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>')
types = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
package_rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')

for index in range(count):
    body, notes, footnote = [], [], 1
    # About 5 pages: 5 sections of a heading, paragraphs, a list and a table.
    for section in range(5):
        body.append(paragraph("Heading1" if section == 0 else "Heading2"))
        for _ in range(5):
            body.append(paragraph(footnote=footnote))
            notes.append(f'<w:footnote w:id="{footnote}"><w:p>{run(text(9) + ".")}</w:p></w:footnote>')
            footnote += 1
        for item in range(4):
            body.append(paragraph(numbering=(1 + section % 2, item % 2)))
        rows = "".join("<w:tr>" + "".join(f"<w:tc><w:p>{run(text(3))}</w:p></w:tc>" for _ in range(4)) + "</w:tr>" for _ in range(5))
        body.append(f"<w:tbl>{rows}</w:tbl>")
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{"".join(body)}</w:body></w:document>'
    footnotes = f'<w:footnotes {W}>{"".join(notes)}</w:footnotes>'
    with zipfile.ZipFile(os.path.join(work, f"note-{index:03}.docx"), "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", package_rels)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/_rels/document.xml.rels", rels)
        archive.writestr("word/styles.xml", styles)
        archive.writestr("word/numbering.xml", numbering)
        archive.writestr("word/footnotes.xml", footnotes)
PY

mkdir -p "$work/imrf" "$work/batch" "$work/pandoc"
cp "$work"/note-*.docx "$work/batch/"
seconds() { python3 -c 'import time; print(f"{time.monotonic():.6f}")'; }
start=$(seconds)
for file in "$work"/note-*.docx; do
    name=$(basename "$file" .docx)
    "$bin" import-note "$file" --session hearing --out "$work/imrf/$name.md" >/dev/null
done
imrf_time=$(python3 -c "import time; print(f'{time.monotonic() - $start:.3f}')")
start=$(seconds)
"$bin" import-note "$work"/batch/note-*.docx --session hearing >/dev/null
batch_time=$(python3 -c "import time; print(f'{time.monotonic() - $start:.3f}')")
start=$(seconds)
for file in "$work"/note-*.docx; do
    name=$(basename "$file" .docx)
    pandoc -f docx -t gfm "$file" -o "$work/pandoc/$name.md"
done
pandoc_time=$(python3 -c "import time; print(f'{time.monotonic() - $start:.3f}')")
for note in "$work"/imrf/note-*.md; do
    cmp -s "$note" "$work/batch/$(basename "$note")" || { echo "the batch run's $(basename "$note") differs from the one-file run's" >&2; exit 1; }
done
echo "files: $files ($(du -sh "$work"/note-000.docx | cut -f1) each; $(wc -w <"$work/imrf/note-000.md") words in the first note)"
echo "imrf, one process per file: ${imrf_time} s"
echo "imrf import-note, one run over all the files: ${batch_time} s"
echo "pandoc -f docx -t gfm: ${pandoc_time} s"
python3 -c "print(f'pandoc/imrf import time ratio, one process per file: {$pandoc_time / $imrf_time:.1f}')"
python3 -c "print(f'pandoc/imrf import time ratio: {$pandoc_time / $batch_time:.1f}')"
