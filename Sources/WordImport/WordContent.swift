/// The body as read from WordprocessingML, before it is written as
/// Markdown: paragraphs and tables, and in a paragraph the pieces of text
/// with the formatting the Markdown keeps.
enum WordPiece: Equatable {
    case text(String, RunFormat)
    case lineBreak
    /// The start and end of a link's text; a link never spans paragraphs.
    case linkStart(String)
    case linkEnd
    case footnote(label: String)
    case picture(name: String, alt: String)
}

struct WordParagraph {
    /// 1-based count of the story's paragraphs, tables' included, for messages.
    var number: Int
    var headingLevel: Int?
    /// The list (numId) and level (0-8), when the paragraph is a list item.
    var list: (id: String, level: Int)?
    var isRightToLeft = false
    var pieces: [WordPiece] = []

    /// The paragraph's text without formatting, links or footnotes.
    var plainText: String {
        var text = ""
        for piece in pieces {
            switch piece {
            case .text(let part, _): text += part
            case .lineBreak: text += " "
            default: break
            }
        }
        return text
    }
}

struct WordTable {
    /// Rows of cells, each cell its paragraphs.
    var rows: [[[WordParagraph]]]
}

enum WordBlock {
    case paragraph(WordParagraph)
    case table(WordTable)
}
