/// A note's footnotes numbered across the whole document in the order they
/// are first cited, the body's citations first and then those the
/// footnotes themselves make. Every renderer numbers the same way through
/// this one type, so Markdown, HTML and Word agree and a footnote citing a
/// footnote is counted once.
struct FootnoteNumbering {
    /// The note's footnote definitions, in the order of their labels.
    private let footnotes: [MarkdownDocument.Footnote]
    /// The position of each label; nil when the labels are "1", "2"... in
    /// order, as MarkdownParser makes them, and a label is its position: the
    /// usual note builds no dictionary (Benchmarks/compile.sh).
    private let positions: [String: Int]?
    private let firstNumber: Int
    /// Each footnote's number by position, 0 until it is cited.
    private var numbers: [Int]
    /// The positions in the order of their first citation; their numbers follow from it.
    private var cited: [Int] = []
    private var rendered = 0

    /// The note's numbering; its first footnote gets `firstNumber`.
    init(_ document: MarkdownDocument, firstNumber: Int) {
        let footnotes = document.footnotes
        let sequential = footnotes.indices.allSatisfy { Int(footnotes[$0].label) == $0 + 1 }
        positions =
            sequential
            ? nil : Dictionary(footnotes.indices.map { (footnotes[$0].label, $0) }, uniquingKeysWith: { first, _ in first })
        numbers = [Int](repeating: 0, count: footnotes.count)
        self.footnotes = footnotes
        self.firstNumber = firstNumber
    }

    /// An empty numbering, for a renderer before its first note.
    init() {
        footnotes = []
        positions = nil
        numbers = []
        firstNumber = 1
    }

    private func position(of label: String) -> Int? {
        if let positions { return positions[label] }
        guard let number = Int(label), number >= 1, number <= footnotes.count, footnotes[number - 1].label == label else { return nil }
        return number - 1
    }

    /// The number of the footnote `label`, given on its first citation;
    /// nil when the note defines no such footnote.
    mutating func number(of label: String) -> Int? {
        guard let position = position(of: label) else { return nil }
        if numbers[position] > 0 { return numbers[position] }
        let number = firstNumber + cited.count
        numbers[position] = number
        cited.append(position)
        return number
    }

    /// How many footnotes have been cited so far.
    var count: Int { cited.count }

    /// The next cited footnote whose text is still to be rendered, in
    /// number order; rendering it may cite further footnotes, which follow.
    /// `position`: the footnote's place among the note's definitions.
    mutating func nextToRender() -> (number: Int, blocks: [Block], position: Int)? {
        guard rendered < cited.count else { return nil }
        let position = cited[rendered]
        rendered += 1
        return (numbers[position], footnotes[position].blocks, position)
    }
}
