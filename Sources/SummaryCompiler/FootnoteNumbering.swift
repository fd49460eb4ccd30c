/// A note's footnotes numbered across the whole document in the order they
/// are first cited, the body's citations first and then those the
/// footnotes themselves make. Every renderer numbers the same way through
/// this one type, so Markdown, HTML and Word agree and a footnote citing a
/// footnote is counted once.
struct FootnoteNumbering {
    private let definitions: [String: [Block]]
    private let firstNumber: Int
    private var numbers: [String: Int] = [:]
    /// The labels in the order of their first citation; their numbers follow from it.
    private var cited: [String] = []
    private var rendered = 0

    /// The note's numbering; its first footnote gets `firstNumber`.
    init(_ document: MarkdownDocument, firstNumber: Int) {
        definitions = Dictionary(document.footnotes.map { ($0.label, $0.blocks) }, uniquingKeysWith: { first, _ in first })
        self.firstNumber = firstNumber
    }

    /// An empty numbering, for a renderer before its first note.
    init() {
        definitions = [:]
        firstNumber = 1
    }

    /// The number of the footnote `label`, given on its first citation;
    /// nil when the note defines no such footnote.
    mutating func number(of label: String) -> Int? {
        guard definitions[label] != nil else { return nil }
        if let number = numbers[label] { return number }
        let number = firstNumber + cited.count
        numbers[label] = number
        cited.append(label)
        return number
    }

    /// How many footnotes have been cited so far.
    var count: Int { cited.count }

    /// How many footnotes a note cites, as rendering it through
    /// `BodyRenderer` numbers them (a picture in `images` shows no alt text,
    /// so a footnote cited there is not); the next note's first number is
    /// this many after the note's. Lets the notes be rendered at once, each
    /// knowing its first number beforehand.
    static func citedCount(_ document: MarkdownDocument, images: [String: ImageAsset]) -> Int {
        var numbering = FootnoteNumbering(document, firstNumber: 1)
        func visit(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .footnote(let label): _ = numbering.number(of: label)
                case .emphasis(let children), .strong(let children), .strikethrough(let children), .link(_, let children):
                    visit(children)
                case .image(let source, let alt, _): if images[source] == nil { visit(alt) }
                case .text, .code, .softBreak, .lineBreak: break
                }
            }
        }
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .paragraph(let inlines), .heading(_, let inlines): visit(inlines)
                case .blockQuote(let children): visit(children)
                case .list(_, _, _, let items): items.forEach(visit)
                case .table(let header, let rows):
                    header.forEach(visit)
                    rows.forEach { $0.forEach(visit) }
                case .code, .thematicBreak: break
                }
            }
        }
        visit(document.blocks)
        while let (_, blocks) = numbering.nextToRender() { visit(blocks) }
        return numbering.count
    }

    /// The next cited footnote whose text is still to be rendered, in
    /// number order; rendering it may cite further footnotes, which follow.
    mutating func nextToRender() -> (number: Int, blocks: [Block])? {
        guard rendered < cited.count else { return nil }
        let label = cited[rendered]
        rendered += 1
        return (numbers[label]!, definitions[label]!)
    }
}
