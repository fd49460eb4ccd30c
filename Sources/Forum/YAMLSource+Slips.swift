import Diagnostics
import Yams

/// libyaml's and Yams' errors in words for a person: the slips people make
/// in front matter and forum.yaml (a colon inside a title, a tab, a key
/// written twice) are named with the fix; anything else keeps libyaml's
/// words, at its place.
extension YAMLSource {
    func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            let line = sourceLine(mark.line)
            if problem.hasPrefix("mapping values are not allowed") {
                return .error(
                    "a colon followed by a space inside a value: YAML reads it as the start of another key", at: location(mark),
                    hint: quotedSuggestion(line).map { "put the value in quotes: \($0)" } ?? "put the value in quotes")
            }
            if problem.contains("tab character") || (line?.hasPrefix("\t") == true && problem.contains("cannot start any token")) {
                return .error(
                    "a tab in the indentation: YAML indents with spaces only", at: location(line: mark.line, column: 1),
                    hint: "replace the tab at the start of the line with spaces, or remove it")
            }
            return .error("YAML syntax error: \(problem)", at: location(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let lines = keyLines(key, from: context.mark.line, column: context.mark.column)
            let place = lines.count >= 2 ? location(line: lines[1], column: context.mark.column) : location(context.mark)
            let which = lines.count >= 2 ? " (lines \(lines.map { String(location(line: $0, column: 1).line) }.joined(separator: " and ")))" : ""
            return .error("'\(key)' is given twice\(which)", at: place, hint: "keep one of them")
        default:
            return .error("YAML error: \(error)", at: location(nil))
        }
    }

    /// Line `number` (1-based, as libyaml counts) of the text, if there is one.
    private func sourceLine(_ number: Int) -> Substring? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// `title: "Summary: the plenary"` for `title: Summary: the plenary`.
    private func quotedSuggestion(_ line: Substring?) -> String? {
        guard let line, let colon = line.range(of: ": ") else { return nil }
        let key = line[..<colon.lowerBound]
        let value = line[colon.upperBound...].trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty, !value.hasPrefix("\"") else { return nil }
        return "\(key): \"\(value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\""
    }

    /// The lines, from `start`, where `key` is written at `column` (1-based).
    private func keyLines(_ key: String, from start: Int, column: Int) -> [Int] {
        let indent = String(repeating: " ", count: max(0, column - 1))
        var found: [Int] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index + 1 >= start {
            guard line.hasPrefix(indent) else { continue }
            let rest = line.dropFirst(indent.count)
            if rest.hasPrefix("\(key):") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") { found.append(index + 1) }
        }
        return found
    }
}
