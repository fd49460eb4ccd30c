#!/usr/bin/env bash
# Benchmark: `imrf compile --changes-since` on a generated workspace of 1,000
# notes (the generator of Benchmarks/compile.sh) after 5% of them changed (in
# each, one word replaced, a paragraph added and a table row removed), side
# by side with `git diff --no-index --word-diff` on the two builds'
# summary.md. imrf (the release build with the Swift runtime linked
# statically, as Benchmarks/compile.sh builds it) writes summary.docx and
# summary.changes.docx: it makes the earlier build again from its kept
# notes, renders both and compares them. Prints the times and the lines
# `changes imrf/git time ratio: X` (target <= 3), and the same for what the
# changes add to a compile to docx alone. Each time is the best of 3 runs.
#
# usage: Benchmarks/changes.sh [NOTES]   (needs python3 and git)
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
import os, random, re, subprocess, sys, time
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

def path(i):
    return os.path.join(ws, "notes", f"note-{i:04d}.md")

for i in range(count):
    session = sessions[i % len(sessions)]
    parts = [f"## Statement {i + 1}", "",
             f"{sentence(18)} *{sentence(3).lower()}* and **{sentence(2).lower()}**[^{i}-1]. {sentence(22)}.", "",
             f"- {sentence(8)}[^{i}-2]", f"- {sentence(10)}", f"- {sentence(7)} ~~{sentence(2).lower()}~~", "",
             "| Member State | Pledges | Objective |", "|---|---:|---|"]
    parts += [f"| {sentence(2)} | {rng.randint(1, 500)} | {rng.randint(1, 23)} |" for _ in range(6)]
    parts += ["", f"> {sentence(20)}.", "", f"{sentence(25)} (see https://example.org/{i}).", "",
              f"[^{i}-1]: {sentence(9)}.", "", f"[^{i}-2]: {sentence(6)}.", ""]
    with open(path(i), "w", encoding="utf-8") as f:
        f.write(f"---\nsession: {session}\ntitle: Note {i + 1}\nauthor: Rapporteur {i % 37}\n---\n" + "\n".join(parts))

def run(args):
    return subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

run([binary, "compile", ws, "--format", "md,docx", "--out", os.path.join(work, "before")])
for i in rng.sample(range(count), count // 20):
    text = open(path(i), encoding="utf-8").read()
    lines = text.split("\n")
    del lines[next(k for k, line in enumerate(lines) if line.startswith("| ") and "Member State" not in line)]
    text = "\n".join(lines)
    text = re.sub(r"(## Statement \d+\n\n\w+) ", r"\1 revised ", text, count=1)
    text = text.replace("\n> ", "\nA paragraph added in the revision, on " + sentence(6).lower() + ".\n\n> ", 1)
    open(path(i), "w", encoding="utf-8").write(text)

def timed(args, runs=3, codes=(0,)):
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        assert result.returncode in codes, (args, result.returncode)
        best = elapsed if best is None else min(best, elapsed)
    return best

after = os.path.join(work, "after")
run([binary, "compile", ws, "--format", "md", "--out", after])
imrf = timed([binary, "compile", ws, "--format", "docx", "--changes-since", "1", "--out", after])
plain = timed([binary, "compile", ws, "--format", "docx", "--out", os.path.join(work, "plain")])
changes = os.path.join(after, "summary.changes.docx")
assert os.path.getsize(changes) > 0
document = subprocess.run(["unzip", "-p", changes, "word/document.xml"], check=True, capture_output=True).stdout.decode()
insertions, deletions = document.count("<w:ins "), document.count("<w:del ")
git = timed(["git", "diff", "--no-index", "--word-diff", os.path.join(work, "before", "summary.md"),
             os.path.join(after, "summary.md")], codes=(1,))
print(f"{count} notes, {count // 20} changed: {insertions} insertions and {deletions} deletions tracked (best of 3)")
print(f"imrf compile docx --changes-since: {imrf:.3f} s")
print(f"imrf compile docx alone:           {plain:.3f} s")
print(f"git diff --word-diff summary.md:   {git:.3f} s")
print(f"changes imrf/git time ratio: {imrf / git:.1f}")
print(f"changes (imrf - imrf docx alone)/git time ratio: {(imrf - plain) / git:.1f}")
PY
