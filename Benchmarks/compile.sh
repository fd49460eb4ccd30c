#!/usr/bin/env bash
# Benchmark: a generated workspace of 1,000 notes (about 2 MB of Markdown with
# tables and footnotes) compiled to Markdown and HTML by imrf (the release
# build with the Swift runtime linked statically, as `make build` makes it and
# as it is installed; the same flags and scratch path as Benchmarks/status.sh),
# side by side, in one run, with pandoc converting the same notes concatenated
# to HTML and with the cmark-gfm command (the parser imrf is built on, the
# floor) rendering the same concatenated Markdown (Debian's cmark-gfm 0.29 has
# no --footnotes option: it parses them as text). Then the same workspace to
# .docx, side by side with pandoc writing .docx from the same concatenated
# Markdown. Prints the times and the lines `pandoc/imrf time ratio: X`,
# `imrf/cmark-gfm time ratio: Y` and `pandoc/imrf docx time ratio: Z`.
# Each imrf and cmark-gfm time is the best of 3 runs, pandoc's of 1 (it takes
# seconds; a second run would only make it look faster).
#
# usage: Benchmarks/compile.sh [NOTES]   (needs python3, pandoc and cmark-gfm: apt-get install pandoc cmark-gfm)
set -euo pipefail
cd "$(dirname "$0")/.."
notes=${1:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

static_flags=(-c release --static-swift-stdlib --scratch-path .build/static)
swift build "${static_flags[@]}" --product imrf >&2
bin=$(swift build "${static_flags[@]}" --show-bin-path)/imrf
"$bin" init "$work/ws" --edition 2026 >/dev/null

python3 - "$bin" "$work" "$notes" <<'PY'
import os, random, subprocess, sys, time
binary, work, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
ws = os.path.join(work, "ws")
rng = random.Random(7)
sessions = ["hearing"] + [f"round-table-{n}" for n in range(1, 5)] + ["policy-debate", "plenary"]
words = ("migration compact regular safe orderly pathways remittances labour mobility climate "
         "displacement return reintegration data evidence children women integration rights "
         "border governance cooperation partnership consular protection skills recognition").split()

def sentence(n):
    text = " ".join(rng.choice(words) for _ in range(n))
    return text[0].upper() + text[1:]

bodies = []
for i in range(count):
    session = sessions[i % len(sessions)]
    parts = [f"## Statement {i + 1}", "",
             f"{sentence(18)} *{sentence(3).lower()}* and **{sentence(2).lower()}**[^{i}-1]. {sentence(22)}.", "",
             f"- {sentence(8)}[^{i}-2]", f"- {sentence(10)}", f"- {sentence(7)} ~~{sentence(2).lower()}~~", "",
             "| Member State | Pledges | Objective |", "|---|---:|---|"]
    parts += [f"| {sentence(2)} | {rng.randint(1, 500)} | {rng.randint(1, 23)} |" for _ in range(6)]
    parts += ["", f"> {sentence(20)}.", "", f"{sentence(25)} (see https://example.org/{i}).", "",
              f"[^{i}-1]: {sentence(9)}.", "", f"[^{i}-2]: {sentence(6)}.", ""]
    body = "\n".join(parts)
    bodies.append(body)
    with open(os.path.join(ws, "notes", f"note-{i:04d}.md"), "w", encoding="utf-8") as f:
        f.write(f"---\nsession: {session}\ntitle: Note {i + 1}\nauthor: Rapporteur {i % 37}\n---\n{body}")
concatenated = os.path.join(work, "all.md")
with open(concatenated, "w", encoding="utf-8") as f:
    f.write("\n\n".join(bodies))
size = os.path.getsize(concatenated)

def timed(args, runs):
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best

imrf = timed([binary, "compile", ws, "--format", "md,html", "--out", os.path.join(work, "build")], 3)
for name in ("summary.md", "summary.html"):
    assert os.path.getsize(os.path.join(work, "build", name)) > size // 2, name
cmark = timed(["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink",
               "-t", "html", concatenated], 3)
pandoc = timed(["pandoc", "-f", "gfm+footnotes", "-t", "html5", "-s", "--metadata", "title=Summary",
                concatenated, "-o", os.path.join(work, "pandoc.html")], 1)
imrf_docx = timed([binary, "compile", ws, "--format", "docx", "--out", os.path.join(work, "build-docx")], 3)
assert os.path.getsize(os.path.join(work, "build-docx", "summary.docx")) > size // 20, "summary.docx"
pandoc_docx = timed(["pandoc", "-f", "gfm+footnotes", "-t", "docx", "--metadata", "title=Summary",
                     concatenated, "-o", os.path.join(work, "pandoc.docx")], 1)
print(f"{count} notes, {size / 1e6:.2f} MB of Markdown (best of 3 for imrf and cmark-gfm, 1 run of pandoc)")
print(f"imrf compile md+html: {imrf:.3f} s")
print(f"cmark-gfm html:       {cmark:.3f} s")
print(f"pandoc html:          {pandoc:.3f} s")
print(f"imrf compile docx:    {imrf_docx:.3f} s")
print(f"pandoc docx:          {pandoc_docx:.3f} s")
print(f"pandoc/imrf time ratio: {pandoc / imrf:.1f}")
print(f"imrf/cmark-gfm time ratio: {imrf / cmark:.1f}")
print(f"pandoc/imrf docx time ratio: {pandoc_docx / imrf_docx:.1f}")
PY
