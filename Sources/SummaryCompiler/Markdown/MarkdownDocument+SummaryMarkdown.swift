extension MarkdownDocument {
    /// The note as summary.md writes it: its blocks, then its footnotes
    /// numbered from 1 as `[^1]: ...` definitions with their continuation
    /// lines indented (in the summary, numbered across the document). For
    /// the Markdown fuzz target's round trip through cmark-gfm.
    public var summaryMarkdown: String {
        let writer = BodyRenderer(format: .markdown) { Int($0) }
        var output = writer.blocks(blocks)
        for (index, footnote) in footnotes.enumerated() {
            output += "\n\n[^\(index + 1)]: " + Summary.indentingContinuationLines(writer.blocks(footnote.blocks))
        }
        return output + "\n"
    }
}
