import Diagnostics
import Forum
import Foundation
import FoundationXML
import SummaryCompiler
import ZIPFoundation

/// One fuzz input as the only note of an in-memory workspace of the 2026
/// forum, compiled to every format (Markdown, HTML, Word) with the built-in
/// templates, as `imrf compile` does, without touching the disk.
///
/// A note may be refused with diagnostics; a note that is accepted must
/// compile, and its outputs must be well-formed as far as is cheap to see:
/// the HTML carries no script, frame or `javascript:` link from the note, and the
/// .docx is a zip whose XML parts all parse; an input with a 0x1E byte is
/// two texts of the note, compared as a changes document (`runChanges`).
/// A broken invariant calls
/// `fatalError`, which libFuzzer records as a crash with its input.
enum CompileHarness {
    static let forum = Edition.second.forum

    static func run(_ bytes: UnsafeRawBufferPointer) {
        if let separator = bytes.firstIndex(of: 0x1E) {
            return runChanges(old: Array(bytes[..<separator]), new: Array(bytes[(separator + 1)...]))
        }
        let workspace = CheckedNotes.check(noteFiles: [("notes/fuzz.md", Array(bytes))], forum: forum)
        guard workspace.errorCount == 0, !workspace.notes.isEmpty else { return }
        let summary: Summary
        do {
            summary = try Summary(workspace)
        } catch {
            fatalError("a workspace without errors is refused: \(error)")
        }
        let outputs = render(summary)
        guard let markdown = outputs[.md], let html = outputs[.html], let docx = outputs[.docx] else {
            fatalError("a format is missing: \(outputs.keys)")
        }
        guard !markdown.isEmpty else { fatalError("empty Markdown summary") }
        checkHTML(String(decoding: html, as: UTF8.self))
        checkDocx(docx)
    }

    /// An input with a record separator (0x1E) is two texts of one note,
    /// the earlier and the current: when both are accepted, the changes
    /// document between their summaries (`imrf compile --changes-since`)
    /// must be a well-formed .docx whose tracked changes each have an id
    /// of their own, across the body and the footnotes.
    static func runChanges(old: [UInt8], new: [UInt8]) {
        let earlier = CheckedNotes.check(noteFiles: [("notes/fuzz.md", old)], forum: forum)
        let current = CheckedNotes.check(noteFiles: [("notes/fuzz.md", new)], forum: forum)
        guard earlier.errorCount == 0, current.errorCount == 0, !earlier.notes.isEmpty, !current.notes.isEmpty else { return }
        let docx: Data
        do {
            docx = try Summary(current).renderChangesDocx(since: Summary(earlier), date: Date(timeIntervalSince1970: 1_778_000_000))
        } catch {
            fatalError("the changes between two accepted notes could not be written: \(error)")
        }
        let parts = checkDocx(docx)
        let marks = ["word/document.xml", "word/footnotes.xml"].flatMap { name in
            ["<w:ins w:id=\"", "<w:del w:id=\""].flatMap { values(after: $0, in: parts[name] ?? "") }
        }
        if let repeated = firstRepeated(marks) { fatalError("two tracked changes have the id \(repeated)") }
    }

    /// Each format as `imrf compile` writes it, rendered on this thread:
    /// a task's thread could still hold an output when the input's run
    /// ends, which LeakSanitizer reports as a leak.
    private static func render(_ summary: Summary) -> [Summary.Format: Data] {
        var outputs: [Summary.Format: Data] = [:]
        for format in [Summary.Format.md, .html, .docx] {
            do {
                outputs[format] = try summary.renderSynchronously(format)
            } catch {
                fatalError("rendering an accepted note failed: \(error)")
            }
        }
        return outputs
    }

    private static func checkHTML(_ html: String) {
        let lowered = html.lowercased()
        let forbidden = ["<script", "<iframe", "<object", "<embed", "=\"javascript:", "=\"vbscript:", "=\"data:"]
        for forbidden in forbidden where lowered.contains(forbidden) {
            // The built-in template has none of these: any one came from the note unescaped.
            fatalError("the HTML summary contains '\(forbidden)'")
        }
        guard lowered.components(separatedBy: "<body").count == 2, lowered.components(separatedBy: "</html>").count == 2 else {
            fatalError("the HTML summary is not one document")
        }
        // Footnote and heading anchors: a note's own text cannot write `id="`
        // (its quotes are escaped), so a repeated id is a numbering bug.
        let ids = values(after: " id=\"", in: html)
        if let repeated = firstRepeated(ids) {
            fatalError("the HTML summary has two elements with id \"\(repeated)\"")
        }
        // Footnotes are numbered 1, 2, 3... across the document, in order.
        let footnotes = ids.compactMap { $0.hasPrefix("fn") ? Int($0.dropFirst(2)) : nil }
        guard footnotes == Array(1..<footnotes.count + 1) else {
            fatalError("the HTML footnotes are numbered \(footnotes), not 1 to \(footnotes.count)")
        }
    }

    /// The attribute values that follow each `prefix` up to the next quote.
    private static func values(after prefix: String, in text: String) -> [Substring] {
        text.components(separatedBy: prefix).dropFirst().map { $0.prefix { $0 != "\"" } }
    }

    private static func firstRepeated(_ values: [Substring]) -> Substring? {
        var seen: Set<Substring> = []
        return values.first { !seen.insert($0).inserted }
    }

    /// - Returns: the text of each XML part, by its path.
    @discardableResult
    private static func checkDocx(_ data: Data) -> [String: String] {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            fatalError("the .docx is not a zip: \(error)")
        }
        var names: Set<String> = []
        var parts: [String: String] = [:]
        for entry in archive {
            names.insert(entry.path)
            guard entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") else { continue }
            var bytes = Data()
            do {
                _ = try archive.extract(entry) { bytes.append($0) }
            } catch {
                fatalError("cannot extract \(entry.path) from the .docx: \(error)")
            }
            let parser = XMLParser(data: bytes)
            guard parser.parse() else {
                fatalError("\(entry.path) in the .docx is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")")
            }
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
            if entry.path == "word/footnotes.xml" {
                // Numbered 1, 2, 3... in order (Word's separators, -1 and 0, come first).
                let ids = values(after: "<w:footnote w:id=\"", in: String(decoding: bytes, as: UTF8.self)).compactMap { Int($0) }
                let numbered = ids.filter { $0 > 0 }
                guard numbered == Array(1..<numbered.count + 1) else {
                    fatalError("the .docx footnotes have the ids \(ids), not 1 to \(numbered.count)")
                }
            }
        }
        for required in ["[Content_Types].xml", "_rels/.rels", "word/document.xml"] where !names.contains(required) {
            fatalError("the .docx has no \(required)")
        }
        return parts
    }
}
