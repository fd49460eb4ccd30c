/// The front matter of the common note, read without Yams: one
/// `key: value` line per known key, where every value is a plain scalar
/// that YAML reads as exactly its text, or a flow list of small decimal
/// integers for `objectives`. Composing and decoding YAML with Yams costs
/// far more than the rest of reading a note (Benchmarks/README.md).
///
/// Anything else (quotes, comments, blank or indented lines, unknown or
/// repeated keys, `null`-like or boolean-like words, values YAML might read
/// differently) makes `read` return nil, and the caller falls back to Yams:
/// the accepted language and the errors stay Yams's own. Tests check that
/// both give the same notes and diagnostics. No value it accepts holds an
/// anchor, an alias or an unsafe character (`UntrustedText.isUnsafe`), so
/// those always reach the refusals of `YAMLSource.compose`.
struct SimpleFrontMatter {
    var values: NoteParser.FrontMatter
    /// Where each key's value starts, as Yams marks it (1-based line
    /// within the front matter, column in Unicode scalars).
    var valuePositions: [String: (line: Int, column: Int)]
    /// Where each `objectives` element starts.
    var objectivePositions: [(line: Int, column: Int)]

    /// Words YAML 1.1 resolves to null, booleans or special floats, in any case.
    private static let specialWords: Set<String> = [
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n",
    ]

    static func read(_ lines: ArraySlice<Substring>) -> SimpleFrontMatter? {
        guard !lines.isEmpty else { return nil }
        var result = SimpleFrontMatter(values: .init(), valuePositions: [:], objectivePositions: [])
        for (offset, line) in lines.enumerated() {
            let lineNumber = offset + 1
            let scalars = Array(line.unicodeScalars)
            guard let colon = scalars.firstIndex(of: ":"), colon > 0 else { return nil }
            let key = slice(line, 0..<colon)
            guard NoteParser.knownKeys.contains(key), result.valuePositions[key] == nil else { return nil }
            var start = colon + 1
            guard start < scalars.count, scalars[start] == " " else { return nil }
            while start < scalars.count, scalars[start] == " " { start += 1 }
            guard start < scalars.count else { return nil }
            let value = scalars[start...]
            result.valuePositions[key] = (lineNumber, start + 1)
            if key == "objectives" {
                guard let numbers = integerList(value, line: lineNumber, column: start + 1) else { return nil }
                result.values.objectives = numbers.map(\.value)
                result.objectivePositions = numbers.map(\.position)
                continue
            }
            guard isPlainText(value) else { return nil }
            let text = slice(line, start..<scalars.count)
            switch key {
            case "session": result.values.session = text
            case "title": result.values.title = text
            case "author": result.values.author = text
            case "role": result.values.role = text
            case "segment": result.values.segment = text
            case "language": result.values.language = text
            default: return nil
            }
        }
        return result
    }

    /// The scalars at `offsets` of `line` as a string, copied from the
    /// line's UTF-8 in one piece rather than built scalar by scalar.
    private static func slice(_ line: Substring, _ offsets: Range<Int>) -> String {
        let scalars = line.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: offsets.lowerBound)
        let end = scalars.index(start, offsetBy: offsets.count)
        return String(Substring(scalars[start..<end]))
    }

    /// Whether YAML reads these scalars, as a plain scalar on one line, as
    /// exactly this text: it starts with a letter or digit, holds only
    /// letters, digits, spaces and punctuation that is never an indicator
    /// inside a plain scalar, does not end with a space, and is not a
    /// special word.
    static func isPlainText(_ value: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = value.first, let last = value.last, last != " " else { return false }
        guard isLetterOrDigit(first) else { return false }
        for scalar in value where !isLetterOrDigit(scalar) {
            switch scalar {
            case " ", "-", ".", ",", "(", ")", "'", "/", "&", "_", "+", ";": continue
            default: return false
            }
        }
        if value.count <= 5, specialWords.contains(String(String.UnicodeScalarView(value)).lowercased()) { return false }
        // Numbers of every YAML 1.1 form (0x1F, 1_000, 1.5e3, 190:20:30) are left to Yams.
        if first.isASCII ? ("0"..."9").contains(first) : first.properties.numericType != nil { return false }
        return true
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        return scalar.properties.isAlphabetic
    }

    /// `[1, 2, 23]`: decimal numbers of one or two digits without a leading
    /// zero, separated by a comma and one space.
    private static func integerList(
        _ value: ArraySlice<Unicode.Scalar>, line: Int, column: Int
    ) -> [(value: Int, position: (line: Int, column: Int))]? {
        guard value.first == "[", value.last == "]" else { return nil }
        var result: [(value: Int, position: (line: Int, column: Int))] = []
        var index = value.startIndex + 1
        let end = value.endIndex - 1
        if index == end { return [] }
        while true {
            let numberStart = index
            var number = 0
            // At most three digits are read (two are allowed): a longer
            // number must not overflow `number`; Yams then reports it.
            while index < end, index - numberStart < 3, ("0"..."9").contains(value[index]) {
                number = number * 10 + Int(value[index].value - 48)
                index += 1
            }
            let digits = index - numberStart
            guard digits == 1 || (digits == 2 && value[numberStart] != "0") else { return nil }
            result.append((number, (line, column + numberStart - value.startIndex)))
            if index == end { return result }
            guard index + 2 < end, value[index] == ",", value[index + 1] == " " else { return nil }
            index += 2
        }
    }
}
