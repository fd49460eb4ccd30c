import Diagnostics
import Forum
import Yams

/// The slips people make in a note's front matter, typed by hand or in
/// Word, each said at its line in words for a person: a value cut short by
/// ` #` (a YAML comment), Word's curly quotes kept as text, a no-break
/// space, objectives written as a number or a sentence, and Word's dash in
/// place of `---`. Only the Yams path meets them: `SimpleFrontMatter` reads
/// none of these forms.
enum FrontMatterSlips {
    /// Warnings for the plain values the front matter's lines cut at a
    /// ` #`: YAML reads the rest of the line as a comment, so
    /// `title: Summary #2` is the title "Summary".
    /// - Parameter firstLine: the file's line number of `lines.first`.
    static func comments(_ lines: ArraySlice<Substring>, path: String, firstLine: Int) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (offset, line) in lines.enumerated() {
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("#") else { continue }
            let key = line[..<colon]
            let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            guard let first = value.first, !"\"'[{|>#&*!".contains(first), let hash = value.range(of: " #")?.lowerBound else { continue }
            let kept = value[..<hash].trimmingCharacters(in: .whitespaces)
            let column = line.distance(from: line.startIndex, to: hash) + 2
            found.append(
                .warning(
                    "'#' after a space begins a comment in YAML: '\(key)' is read as '\(kept)', without '\(value[hash...].dropFirst())'",
                    at: SourceLocation(path: path, line: firstLine + offset, column: column),
                    hint: "put the value in quotes: \(key): \"\(value.replacingOccurrences(of: "\"", with: "\\\""))\""))
        }
        return found
    }

    /// Warnings for no-break spaces (U+00A0, which Word puts after a colon
    /// and in names), which YAML does not read as spaces.
    static func noBreakSpaces(_ lines: ArraySlice<Substring>, path: String, firstLine: Int) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (offset, line) in lines.enumerated() {
            guard let index = line.unicodeScalars.firstIndex(of: "\u{00A0}") else { continue }
            let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: index) + 1
            found.append(
                .warning(
                    "a no-break space (U+00A0, as Word types it) at line \(firstLine + offset), column \(column): YAML does not read it as a space",
                    at: SourceLocation(path: path, line: firstLine + offset, column: column),
                    hint: "delete it and type an ordinary space"))
        }
        return found
    }

    /// The value without Word's curly quotes around it (“...”, ‘...’, „...“,
    /// «...»), which YAML keeps as part of the text, and the warning; nil
    /// when it has none.
    static func curlyQuoted(_ value: String, key: String, at location: SourceLocation) -> (String, Diagnostic)? {
        let pairs: [(Character, Set<Character>)] = [
            ("\u{201C}", ["\u{201D}", "\u{201C}"]), ("\u{2018}", ["\u{2019}", "\u{2018}"]), ("\u{201E}", ["\u{201C}", "\u{201D}"]),
            ("\u{00AB}", ["\u{00BB}"]), ("\u{201D}", ["\u{201D}"]),
        ]
        guard value.count >= 2, let first = value.first, let last = value.last,
            let pair = pairs.first(where: { $0.0 == first }), pair.1.contains(last)
        else { return nil }
        let inner = String(value.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        // “A” and “B” is text with quotes in it, not a quoted value.
        guard !inner.contains(where: { "\u{201C}\u{201D}\u{2018}\u{2019}\u{201E}\u{00AB}\u{00BB}".contains($0) }) else { return nil }
        return (
            inner,
            .warning(
                "the \(key) is in curly quotes (\(first)...\(last), as Word types them), which YAML keeps as text: they were left out",
                at: location, hint: "type straight quotes (\") around the value, or none")
        )
    }

    /// The objectives of a front matter's `objectives` node: a list of
    /// numbers; also one number (`7`) or numbers in a text (`14, 15, 16`,
    /// `"14, 15, 16"`), read with a warning; anything else an error in a
    /// person's words. Positions come from the nodes.
    static func objectives(_ node: Node?, source: YAMLSource) -> (numbers: [Int]?, diagnostics: [Diagnostic]) {
        guard let node else { return (nil, []) }
        let written = "objective numbers are written as a list: objectives: [14, 15, 16]"
        switch node {
        case .sequence(let sequence):
            var numbers: [Int] = []
            var problems: [Diagnostic] = []
            for (index, element) in sequence.enumerated() {
                // As Yams reads an Int (YAML 1.1: 1_0, 0x1F, 1:00 too).
                if let scalar = element.scalar, scalar.style == .plain, let number = Int.construct(from: scalar) {
                    numbers.append(number)
                } else {
                    let which = "the \(ordinal(index + 1)) objective"
                    let message =
                        element.scalar.map { "\(which), '\(UntrustedText.escaped($0.string))', is not a number" }
                        ?? "\(which) is \(element.sequence != nil ? "a list" : "a key and value"), not a number"
                    problems.append(
                        .error(
                            message,
                            at: source.location(element.mark),
                            hint: "objectives are the Global Compact's numbers, 1 to 23, written as a list: objectives: [14, 15, 16]"))
                }
            }
            return (problems.isEmpty ? numbers : nil, problems)
        case .scalar(let scalar):
            let parts = scalar.string.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" })
            let numbers = parts.compactMap { Int($0) }
            guard !parts.isEmpty, numbers.count == parts.count else {
                return (nil, [.error("'objectives' is not a list of numbers", at: source.location(node.mark), hint: written)])
            }
            let list = "[" + numbers.map(String.init).joined(separator: ", ") + "]"
            return (
                numbers,
                [.warning("objectives read as \(list)", at: source.location(node.mark), hint: "write them as a list: objectives: \(list)")]
            )
        default:
            return (nil, [.error("'objectives' is not a list of numbers", at: source.location(node.mark), hint: written)])
        }
    }

    static func ordinal(_ number: Int) -> String {
        switch number {
        case 1: "first"
        case 2: "second"
        case 3: "third"
        default: "\(number)th"
        }
    }

    /// The words for a line meant as the front matter's `---` fence but
    /// typed otherwise: Word's AutoFormat makes `---` an em dash (—) or en
    /// dashes; nil when the line is not such a look-alike.
    static func fenceLookalike(_ line: Substring) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed != "---",
            trimmed.unicodeScalars.allSatisfy({ ["\u{2014}", "\u{2013}", "\u{2012}", "\u{2015}", "\u{2212}", "-", " "].contains($0) }),
            trimmed.unicodeScalars.contains(where: { $0 != "-" && $0 != " " })
        else { return nil }
        let named = trimmed.unicodeScalars.first { $0 != "-" && $0 != " " }!
        let name =
            named == "\u{2014}"
            ? "an em dash (—)" : named == "\u{2013}" ? "an en dash (–)" : "a dash (U+\(String(named.value, radix: 16, uppercase: true)))"
        return "the line '\(trimmed)' holds \(name), as Word's AutoFormat makes of '---': type three hyphens, '---'"
    }
}
