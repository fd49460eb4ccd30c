import FuzzSupport
import SummaryCompiler

/// One fuzz input as a note's Markdown body: parsed by cmark-gfm into the
/// document model, written as summary.md writes it, and parsed again.
///
/// summary.md is rendered by pandoc and shown in browsers, so what imrf
/// writes must hold no raw HTML (cmark-gfm finds no HTML block or inline in
/// it) and must say what the note said: the same letters and digits, in
/// the same order (markup may be written differently, text may not change).
/// A broken invariant calls `fatalError`, which libFuzzer records as a crash
/// with the input that caused it.
enum MarkdownHarness {
    static func run(_ bytes: UnsafeRawBufferPointer) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        let document = MarkdownParser.parse(text)
        let markdown = document.summaryMarkdown
        let html = MarkdownParser.rawHTMLLines(in: markdown)
        guard html.isEmpty else { fatalError("raw HTML at lines \(html) of the written Markdown:\n\(markdown)") }
        let again = MarkdownParser.parse(markdown)
        let before = letters(of: document), after = letters(of: again)
        guard before == after else {
            fatalError("the written Markdown reads back as other text:\n\(before)\n\(after)\nwritten:\n\(markdown)")
        }
    }

    /// The letters and digits of a document's text, code and footnotes, in order.
    static func letters(of document: MarkdownDocument) -> String {
        var text = ""
        for block in document.blocks { append(block, to: &text) }
        for footnote in document.footnotes {
            for block in footnote.blocks { append(block, to: &text) }
        }
        return String(text.filter { $0.isLetter || $0.isNumber })
    }

    static func append(_ block: Block, to text: inout String) {
        switch block {
        case .paragraph(let inlines), .heading(_, let inlines): text += inlines.map(\.plainText).joined()
        case .blockQuote(let blocks): for child in blocks { append(child, to: &text) }
        case .list(_, _, _, let items): for item in items { for child in item { append(child, to: &text) } }
        case .code(let code): text += code
        case .thematicBreak: break
        case .table(let header, let rows):
            for cell in header { text += cell.map(\.plainText).joined() }
            for row in rows { for cell in row { text += cell.map(\.plainText).joined() } }
        }
    }
}
