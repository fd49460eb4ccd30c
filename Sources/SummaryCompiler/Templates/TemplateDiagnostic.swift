import Diagnostics
import Mustache
import Storage

/// A Mustache template that does not parse, said as a compiler would:
/// the template file, the line and column swift-mustache stopped at, what
/// is wrong in words, and the line itself (swift-mustache's own error is a
/// dump of its types, which the office cannot act on).
enum TemplateDiagnostic {
    /// - Parameters:
    ///   - file: the template's path relative to `folder`.
    ///   - folder: the templates folder, as the user gave it.
    static func make(file: String, folder: String, context: MustacheParserContext, error: any Error) -> Diagnostic {
        let (message, hint) = describe(error)
        var line = String(Whitespace.trimming(context.line, Whitespace.isWhitespace))
        if line.count > 80 { line = String(line.prefix(77)) + "..." }
        return .error(
            line.isEmpty ? message : "\(message): \(line)",
            at: SourceLocation(path: WorkspaceLayout.join(folder, file), line: context.lineNumber, column: max(context.columnNumber, 1)),
            hint: hint
        )
    }

    static func describe(_ error: any Error) -> (message: String, hint: String?) {
        guard let error = error as? MustacheTemplate.Error else { return ("template does not parse (\(error))", nil) }
        switch error {
        case .sectionCloseNameIncorrect:
            return ("closing tag does not match the section it closes", "close {{#name}} with {{/name}}, inner sections first")
        case .unfinishedName:
            return ("tag is not finished", "end each tag with }} (or }}} after {{{)")
        case .expectedSectionEnd:
            return ("the template ends inside a section", "close every {{#name}} and {{^name}} with {{/name}}")
        case .invalidSetDelimiter:
            return ("set-delimiter tag is badly formed", "write it as {{=<% %>=}}")
        case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return ("template inheritance block is badly formed", "a {{<parent}} block holds only {{$name}} blocks")
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable:
            return ("configuration tag is not understood", "the known ones are {{% CONTENT_TYPE: HTML}} and {{% CONTENT_TYPE: TEXT}}")
        }
    }
}
