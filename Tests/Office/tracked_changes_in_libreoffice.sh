#!/usr/bin/env bash
# `imrf compile --changes-since previous` after one word of a note changed, a
# paragraph was added, a table row removed, a footnote reworded and a
# footnoted paragraph removed (its footnote shown deleted): LibreOffice opens
# summary.changes.docx (to text and to PDF) without error; all its changes
# accepted (w:del dropped, w:ins unwrapped) give the text LibreOffice reads
# from the new summary.docx, and all rejected (w:ins dropped, w:del
# unwrapped, w:delText as w:t) the text of the earlier build's summary.docx;
# the footnotes, resolved alike, hold the words of each build's footnotes
# (compared as a set: a footnote shown deleted comes after the new build's).
# Usage: tracked_changes_in_libreoffice.sh IMRF_BINARY [FOLDER]
# With FOLDER, page 1 of the changes document is left there as a PNG
# (changes-1.png, 60 dpi), to be looked at.
set -euo pipefail
imrf=$(realpath "$1")
keep=${2:+$(realpath "$2")}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
"$imrf" init ws --edition 2026 --example >/dev/null
"$imrf" compile ws --format docx >/dev/null
cp ws/build/summary.docx old.docx
sed -i 's/met the day before the forum/met two days before the forum/' ws/notes/hearing.md
sed -i 's/^Three messages stood out:$/Three messages stood out:\n\nSpeakers also asked that the cost of sending remittances be halved./' ws/notes/hearing.md
sed -i '/^| Decent work |/d' ws/notes/round-table-1.md
sed -i 's/the figures were not presented in a common format/no common format was used for the figures/' ws/notes/hearing.md
grep -q '\[^climate\]' ws/notes/round-table-1.md || { echo "tracked changes: the example's round-table-1.md has no [^climate] footnote to remove" >&2; exit 1; }
sed -i '/climate/d' ws/notes/round-table-1.md
"$imrf" compile ws --format docx --changes-since previous >/dev/null
cp ws/build/summary.docx new.docx
cp ws/build/summary.changes.docx changes.docx

python3 - changes.docx accepted.docx rejected.docx new.docx old.docx <<'PY'
import re, sys, zipfile

source, accepted, rejected, new, old = sys.argv[1:6]
with zipfile.ZipFile(source) as archive:
    parts = {name: archive.read(name) for name in archive.namelist()}
document = parts["word/document.xml"].decode("utf-8")
if "<w:ins " not in document or "<w:del " not in document:
    sys.exit("tracked changes: summary.changes.docx has no w:ins or no w:del")

OPEN = r"<w:{0} [^>]*[^/]>"
MARK = r"<w:{0} [^>]*/>"

def text_of(xml):
    return "".join(re.findall(r"<w:(?:t|delText)(?: [^>]*)?>([^<]*)</w:(?:t|delText)>", xml))

def footnote_texts(xml):
    # Each footnote's words, those with any; in no order (one shown deleted is numbered after the new build's).
    texts = (text_of(part).strip() for part in re.findall(r"<w:footnote [^>]*>(.*?)</w:footnote>", xml))
    return sorted(text for text in texts if text)

def resolve(xml, keep, drop):
    # Rows and paragraphs whose mark was dropped go whole (their content is
    # all of the dropped kind: nothing of the kept kind may be left in them).
    def without(pattern, xml):
        def check(match):
            block = match.group(0)
            kept = re.sub(OPEN.format(drop) + ".*?</w:" + drop + ">", "", block)
            if text_of(kept).strip():
                sys.exit(f"tracked changes: a {drop} mark on a block that keeps text: {text_of(kept)!r}")
            return ""
        return re.sub(pattern, check, xml)
    xml = without(r"<w:tr>(?:(?!</w:tr>).)*?<w:trPr>(?:(?!</w:trPr>).)*" + MARK.format(drop) + r".*?</w:tr>", xml)
    xml = without(r"<w:p>(?:(?!</w:p>).)*?<w:pPr>(?:(?!</w:pPr>).)*" + MARK.format(drop) + r".*?</w:p>", xml)
    xml = re.sub(OPEN.format(drop) + ".*?</w:" + drop + ">", "", xml)
    xml = re.sub(OPEN.format(keep), "", xml).replace("</w:" + keep + ">", "")
    xml = re.sub(MARK.format(keep), "", xml)
    xml = xml.replace("<w:rPr></w:rPr>", "")
    xml = re.sub(r"<w:delText( [^>]*)?>", r"<w:t\1>", xml).replace("</w:delText>", "</w:t>")
    xml = xml.replace("<w:delInstrText", "<w:instrText").replace("</w:delInstrText>", "</w:instrText>")
    if re.search(r"<w:(ins|del)[ >]", xml):
        sys.exit(f"tracked changes: marks left after resolving ({keep} kept)")
    return xml

footnotes = parts["word/footnotes.xml"].decode("utf-8")
if "<w:ins " not in footnotes or "<w:del " not in footnotes:
    sys.exit("tracked changes: the reworded footnote has no w:ins or no w:del")
if "data collection.</w:delText>" not in footnotes:
    sys.exit("tracked changes: the footnote of the removed paragraph is not shown deleted")
for target, keep, drop, build in ((accepted, "ins", "del", new), (rejected, "del", "ins", old)):
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            if name == "word/document.xml":
                data = resolve(document, keep, drop).encode("utf-8")
            elif name == "word/footnotes.xml":
                data = resolve(footnotes, keep, drop).encode("utf-8")
                with zipfile.ZipFile(build) as other:
                    expected = footnote_texts(other.read(name).decode("utf-8"))
                if footnote_texts(data.decode("utf-8")) != expected:
                    sys.exit(f"tracked changes: the footnotes with all {keep} kept differ from {build}'s: {footnote_texts(data.decode('utf-8'))!r}, expected {expected!r}")
            archive.writestr(name, data)
PY

for name in changes new old accepted rejected; do
    HOME="$work/home" timeout 180 soffice --headless --convert-to "txt:Text (encoded):UTF8" --outdir "$work/text" "$name.docx" \
        >/dev/null 2>&1 || { echo "tracked changes: LibreOffice could not open $name.docx" >&2; exit 1; }
    [ -s "text/$name.txt" ] || { echo "tracked changes: LibreOffice read no text from $name.docx" >&2; exit 1; }
done
HOME="$work/home" timeout 180 soffice --headless --convert-to pdf --outdir "$work" changes.docx >/dev/null 2>&1
[ -s changes.pdf ] || { echo "tracked changes: LibreOffice could not convert summary.changes.docx to PDF" >&2; exit 1; }
if [ -n "$keep" ]; then pdftoppm -png -r 60 -f 1 -l 2 changes.pdf "$keep/changes"; fi

python3 - text <<'PY'
import sys, pathlib
folder = pathlib.Path(sys.argv[1])
def text(name):
    return [" ".join(line.split()) for line in (folder / f"{name}.txt").read_text(encoding="utf-8-sig").splitlines() if line.strip()]
new, old, accepted, rejected = (text(n) for n in ("new", "old", "accepted", "rejected"))
if new == old:
    sys.exit("tracked changes: the two builds have the same text")
for resolved, expected, what in ((accepted, new, "accepted"), (rejected, old, "rejected")):
    if resolved != expected:
        for index, (a, b) in enumerate(zip(resolved, expected)):
            if a != b:
                sys.exit(f"tracked changes: all {what}, line {index + 1}: {a!r}, expected {b!r}")
        sys.exit(f"tracked changes: all {what}: {len(resolved)} lines, expected {len(expected)}")
must = ["days before the forum", "remittances be halved", "climate-related displacement"]
changes = (folder / "changes.txt").read_text(encoding="utf-8-sig")
for words in must:
    if words not in changes:
        sys.exit(f"tracked changes: LibreOffice's text of the changes document lacks {words!r}")
print(f"tracked changes: LibreOffice opens summary.changes.docx; accepted it reads as the new summary ({len(new)} lines), rejected as the earlier one ({len(old)} lines)")
PY
