/// Renders a note's Markdown model as HTML or Markdown. Every piece of text
/// is escaped; footnote references become the document-wide numbers the
/// caller assigns through `footnoteNumber`.
struct BodyRenderer {
    enum Format { case html, markdown }

    var format: Format
    /// The document-wide number of a note-local footnote label.
    var footnoteNumber: (String) -> Int?

    static func escapeHTML(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Backslash-escapes the characters Markdown would read as markup, so
    /// note text stays text (and raw HTML stays visible, not live).
    static func escapeMarkdown(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>#|~!&".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    func blocks(_ blocks: [Block]) -> String {
        blocks.map(block).joined(separator: format == .html ? "\n" : "\n\n")
    }

    func block(_ block: Block) -> String {
        switch (format, block) {
        case (.html, .paragraph(let content)): return "<p>\(inlines(content))</p>"
        case (.markdown, .paragraph(let content)): return inlines(content)
        case (.html, .heading(let level, let content)):
            let shifted = min(level + 3, 6)  // notes sit under the document's h2/h3
            return "<h\(shifted)>\(inlines(content))</h\(shifted)>"
        case (.markdown, .heading(let level, let content)):
            return String(repeating: "#", count: min(level + 3, 6)) + " " + inlines(content)
        case (.html, .blockQuote(let children)): return "<blockquote>\n\(blocks(children))\n</blockquote>"
        case (.markdown, .blockQuote(let children)):
            return blocks(children).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
        case (.html, .list(let ordered, let start, let tight, let items)):
            let tag = ordered ? "ol" : "ul"
            let startAttribute = ordered && start != 1 ? " start=\"\(start)\"" : ""
            let body = items.map { item in
                let content = item.map { block in
                    if tight, case .paragraph(let inlines) = block { return self.inlines(inlines) }
                    return self.block(block)
                }.joined(separator: "\n")
                return "<li>\(content)</li>"
            }.joined(separator: "\n")
            return "<\(tag)\(startAttribute)>\n\(body)\n</\(tag)>"
        case (.markdown, .list(let ordered, let start, let tight, let items)):
            return items.enumerated().map { index, item in
                let marker = ordered ? "\(start + index). " : "- "
                let text = self.blocks(item).split(separator: "\n", omittingEmptySubsequences: false)
                return marker + text.enumerated().map { $0 == 0 ? String($1) : (($1.isEmpty ? "" : String(repeating: " ", count: marker.count)) + $1) }
                    .joined(separator: "\n")
            }.joined(separator: tight ? "\n" : "\n\n")
        case (.html, .code(let text)): return "<pre><code>\(Self.escapeHTML(text))</code></pre>"
        case (.markdown, .code(let text)):
            let fence = text.contains("```") ? "~~~~" : "```"
            return fence + "\n" + text + (text.hasSuffix("\n") ? "" : "\n") + fence
        case (.html, .thematicBreak): return "<hr>"
        case (.markdown, .thematicBreak): return "---"
        case (.html, .table(let header, let rows)):
            let head = "<thead><tr>" + header.map { "<th>\(inlines($0))</th>" }.joined() + "</tr></thead>"
            let body = rows.map { "<tr>" + $0.map { "<td>\(inlines($0))</td>" }.joined() + "</tr>" }.joined(separator: "\n")
            return "<table>\n\(head)\n<tbody>\n\(body)\n</tbody>\n</table>"
        case (.markdown, .table(let header, let rows)):
            func row(_ cells: [[Inline]]) -> String { "| " + cells.map(inlines).joined(separator: " | ") + " |" }
            return ([row(header), "|" + String(repeating: "---|", count: max(header.count, 1))] + rows.map(row)).joined(separator: "\n")
        }
    }

    func inlines(_ inlines: [Inline]) -> String { inlines.map(inline).joined() }

    func inline(_ inline: Inline) -> String {
        switch (format, inline) {
        case (.html, .text(let text)): return Self.escapeHTML(text)
        case (.markdown, .text(let text)): return Self.escapeMarkdown(text)
        case (.html, .code(let text)): return "<code>\(Self.escapeHTML(text))</code>"
        case (.markdown, .code(let text)): return text.contains("`") ? "`` \(text) ``" : "`\(text)`"
        case (.html, .emphasis(let children)): return "<em>\(inlines(children))</em>"
        case (.markdown, .emphasis(let children)): return "*\(inlines(children))*"
        case (.html, .strong(let children)): return "<strong>\(inlines(children))</strong>"
        case (.markdown, .strong(let children)): return "**\(inlines(children))**"
        case (.html, .strikethrough(let children)): return "<del>\(inlines(children))</del>"
        case (.markdown, .strikethrough(let children)): return "~~\(inlines(children))~~"
        case (.html, .link(let destination, let children)):
            return "<a href=\"\(Self.escapeHTML(destination))\">\(inlines(children))</a>"
        case (.markdown, .link(let destination, let children)):
            let safe = destination.replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: "(", with: "%28").replacingOccurrences(of: ")", with: "%29")
            return "[\(inlines(children))](\(safe))"
        case (.html, .softBreak): return "\n"
        case (.markdown, .softBreak): return "\n"
        case (.html, .lineBreak): return "<br>\n"
        case (.markdown, .lineBreak): return "\\\n"
        case (_, .footnote(let label)):
            guard let number = footnoteNumber(label) else { return "" }
            return format == .html
                ? "<sup class=\"footnote-ref\"><a href=\"#fn\(number)\" id=\"fnref\(number)\">\(number)</a></sup>"
                : "[^\(number)]"
        }
    }
}

import Foundation
