import Foundation
import FuzzSupport
import SummaryCompiler

/// One fuzz input as a note's Markdown body: parsed by cmark-gfm into the
/// document model, written as summary.md writes it, and parsed again.
///
/// summary.md is rendered by pandoc and shown in browsers, so what imrf
/// writes must hold no raw HTML (cmark-gfm finds no HTML block or inline in
/// it) and must say everything the note said: its letters and digits, in
/// order, among those read back. More may be read back: cmark-gfm's
/// autolinks take what follows a URL into the link (`https://a.org[^2]`,
/// `https://a.org[b](c)`), and that markup is then read as text.
/// Each footnote read back must say all of one written; a footnote cited only from
/// a definition cmark-gfm discards (a second one of the same label) is in
/// the model but cited by nothing written, so it may be missing.
/// A broken invariant calls `fatalError`, which libFuzzer records as a crash
/// with the input that caused it.
///
/// `IMRF_FUZZ_MARKDOWN_TEXT=0` checks the raw-HTML invariant alone (as
/// `.ci/run` does until the text invariant, whose last findings are fixed,
/// has run clean for longer: README, Fuzzing).
enum MarkdownHarness {
    static let checksText = ProcessInfo.processInfo.environment["IMRF_FUZZ_MARKDOWN_TEXT"] != "0"

    static func run(_ bytes: UnsafeRawBufferPointer) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        let document = MarkdownParser.parse(text)
        let markdown = document.summaryMarkdown
        let html = MarkdownParser.rawHTMLLines(in: markdown)
        guard html.isEmpty else { fatalError("raw HTML at lines \(html) of the written Markdown:\n\(markdown)") }
        guard checksText else { return }
        let again = MarkdownParser.parse(markdown)
        // An autolink is written as `[text](url)`, its `@`s twice: a line may
        // then pass the reader's limit of addresses, and read back empty.
        guard again.tooManyAddressesAtLine == nil else { return }
        let before = letters(of: document.blocks)
        let after = letters(of: again.blocks)
        guard isSubsequence(before, of: after) else {
            fatalError("the written Markdown reads back without some of the note's text:\n\(before)\n\(after)\nwritten:\n\(markdown)")
        }
        // Each footnote read back says all of one written, as the blocks do
        // (cmark-gfm numbers footnotes cited only by each other in another
        // order; the labels keep them apart in summary.md).
        var written = document.footnotes.map { letters(of: $0.blocks) }
        for footnote in again.footnotes {
            let read = letters(of: footnote.blocks)
            // The same text first, else the longest one it says all of (one
            // footnote's text may be all in another's).
            let candidates = written.indices.filter { isSubsequence(written[$0], of: read) }
            guard
                let match = candidates.first(where: { written[$0] == read })
                    ?? candidates.max(by: { written[$0].count < written[$1].count })
            else {
                fatalError("a footnote reads back without some of its text:\n\(read)\nwritten:\n\(markdown)")
            }
            written.remove(at: match)
        }
    }

    /// The letters and digits of blocks' text and code, in order, scalar by
    /// scalar: what characters they group into depends on their neighbours
    /// (a combining mark joins a `*` written before it), so they are
    /// compared as scalars, marks left out.
    static func letters(of blocks: [Block]) -> String {
        var text = ""
        for block in blocks { append(block, to: &text) }
        var letters = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber,
                .otherNumber:
                letters.append(scalar)
            default: continue
            }
        }
        return String(letters)
    }

    /// Whether every scalar of `part` is in `whole`, in the same order.
    static func isSubsequence(_ part: String, of whole: String) -> Bool {
        var rest = whole.unicodeScalars[...]
        for scalar in part.unicodeScalars {
            guard let found = rest.firstIndex(of: scalar) else { return false }
            rest = rest[rest.index(after: found)...]
        }
        return true
    }

    static func append(_ block: Block, to text: inout String) {
        switch block {
        case .paragraph(let inlines), .heading(_, let inlines): text += inlines.map(\.plainText).joined()
        case .blockQuote(let blocks): for child in blocks { append(child, to: &text) }
        case .list(_, _, _, let items): for item in items { for child in item { append(child, to: &text) } }
        case .code(let code): text += code
        case .thematicBreak: break
        case .table(let header, let rows, _):
            for cell in header { text += cell.map(\.plainText).joined() }
            for row in rows { for cell in row { text += cell.map(\.plainText).joined() } }
        }
    }
}
