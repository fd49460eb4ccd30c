public import Diagnostics
public import Yams

/// YAML text from a file, decoded into typed `Codable` values with every
/// problem turned into a `Diagnostic` that names the file, line and key.
///
/// `lineOffset` is added to every line: a note's front matter starts after
/// its opening `---`, and errors must point at lines of the file.
public struct YAMLSource: Sendable {
    public let text: String
    public var path: String
    public var lineOffset: Int
    /// The libyaml lines that end in NEL, LS or PS, in order. YAML 1.1
    /// counts these as line breaks, an editor (and CommonMark) does not;
    /// `location` takes them out so a line is the one the user sees.
    private let extraBreakLines: [Int]

    public init(text: String, path: String, lineOffset: Int = 0) {
        self.text = text
        self.path = path
        self.lineOffset = lineOffset
        var extra: [Int] = []
        var line = 1
        var previous: Unicode.Scalar = "\0"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": if previous != "\r" { line += 1 }
            case "\r": line += 1
            case "\u{85}", "\u{2028}", "\u{2029}":
                extra.append(line)
                line += 1
            default: break
            }
            previous = scalar
        }
        extraBreakLines = extra
    }

    public func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(path: path, line: lineOffset + 1, column: 1) }
        return location(line: mark.line, column: mark.column)
    }

    /// The place of a libyaml line and column (1-based, as `Mark`'s).
    func location(line: Int, column: Int) -> SourceLocation {
        let hidden = extraBreakLines.isEmpty ? 0 : extraBreakLines.prefix { $0 < line }.count
        return SourceLocation(path: path, line: line - hidden + lineOffset, column: column)
    }

    /// The most nodes (keys, list items, values) a document may have:
    /// forum.yaml has about two hundred, a note's front matter a dozen.
    /// With no aliases the composed tree has exactly these nodes, so every
    /// walk over it is bounded.
    public static let maximumNodes = 10_000
    static let maximumNodesText = "10,000"

    /// The document's root node; an empty document is an empty mapping.
    ///
    /// `resolver` decides scalars' implicit tags (bool, int, timestamp...)
    /// with regular expressions; a reader that only takes scalars as text
    /// can pass `.basic` and skip compiling them (forum.yaml does, for the
    /// start-up time of `imrf status`).
    ///
    /// Anchors, aliases, more than `maximumNodes` nodes and unsafe
    /// characters are refused first (`YAMLScreen`), before Yams composes
    /// anything.
    public func compose(resolver: Resolver = .default) throws(DiagnosticFailure) -> Node {
        if let problem = YAMLScreen(source: self).problem() { throw DiagnosticFailure(.badInput, problem) }
        do {
            return try Yams.compose(yaml: text, resolver) ?? Node.mapping(Node.Mapping([]))
        } catch let error as YamlError {
            throw DiagnosticFailure(.badInput, diagnostic(for: error))
        } catch {
            throw DiagnosticFailure(.badInput, .error("YAML error: \(error)", at: location(nil)))
        }
    }

    /// Decodes `node` as `T`; a type mismatch or missing key is reported at
    /// the node it concerns, naming the key path.
    public func decode<T: Decodable>(_ type: T.Type, from node: Node) throws(DiagnosticFailure) -> T {
        if let huge = YAMLSource.overflowingBaseSixty(in: node) {
            throw DiagnosticFailure(
                .badInput,
                .error(
                    "number '\(huge.string)' is too large", at: location(huge.mark),
                    hint: "YAML reads digits separated by ':' as a base-60 number; quote the value if it is text"
                ))
        }
        do {
            return try YAMLDecoder().decode(T.self, from: node)
        } catch let error as DecodingError {
            throw DiagnosticFailure(.badInput, diagnostic(for: error, in: node))
        } catch {
            throw DiagnosticFailure(.badInput, .error("cannot decode: \(error)", at: location(node.mark)))
        }
    }

    private func diagnostic(for error: DecodingError, in root: Node) -> Diagnostic {
        func describe(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimmingPrefix(".").description
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = YAMLSource.node(at: context.codingPath, in: root) ?? root
            let full = describe(context.codingPath + [key])
            return .error("missing key '\(full)'", at: location(parent.mark))
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let node = YAMLSource.node(at: context.codingPath, in: root) ?? root
            let key = describe(context.codingPath)
            let expected: String
            if case .typeMismatch(let type, _) = error {
                expected = "expected \(YAMLSource.typeName(type))"
            } else {
                expected = context.debugDescription
            }
            return .error("invalid value for '\(key)': \(expected)", at: location(node.mark))
        @unknown default:
            return .error("cannot decode: \(error)", at: location(root.mark))
        }
    }

    /// The first scalar that Yams would read as a base-60 integer (YAML 1.1
    /// `1:30:00`) too large for an `Int`. Yams computes it without overflow
    /// checks and crashes, so such a scalar is refused before decoding.
    /// The check mirrors Yams: each part times a power of 60, the power
    /// multiplied once more after the last part.
    static func overflowingBaseSixty(in node: Node) -> Node.Scalar? {
        switch node {
        case .scalar(let scalar):
            var text = Substring(scalar.string)
            if text.hasPrefix("-") || text.hasPrefix("+") { text = text.dropFirst() }
            guard text.contains(":"), text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ":" || $0 == "_") }) else { return nil }
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Int($0.filter { $0 != "_" }) }
            guard parts.allSatisfy({ $0 != nil }) else { return nil }  // Yams does not read it as a number
            var base = 1
            var value = 0
            for part in parts.reversed() {
                let (product, productOverflow) = part!.multipliedReportingOverflow(by: base)
                let (sum, sumOverflow) = value.addingReportingOverflow(product)
                let (next, baseOverflow) = base.multipliedReportingOverflow(by: 60)
                if productOverflow || sumOverflow || baseOverflow { return scalar }
                (value, base) = (sum, next)
            }
            return nil
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let found = overflowingBaseSixty(in: key) ?? overflowingBaseSixty(in: value) { return found }
            }
            return nil
        case .sequence(let sequence):
            for element in sequence {
                if let found = overflowingBaseSixty(in: element) { return found }
            }
            return nil
        case .alias:
            return nil
        }
    }

    /// How a message names the type a value should have had; a keyed
    /// container is a mapping.
    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "an integer"
        case is String.Type: "a string"
        case is [Any].Type: "a list"
        default: "\(type)".hasPrefix("Array") ? "a list" : "a mapping"
        }
    }

    /// The node reached by a decoding path (mapping keys, sequence indices).
    public static func node(at path: [any CodingKey], in root: Node) -> Node? {
        var current = root
        for key in path {
            if let index = key.intValue, let sequence = current.sequence {
                guard index < sequence.count else { return nil }
                current = sequence[index]
            } else if let mapping = current.mapping, let next = mapping[key.stringValue] {
                current = next
            } else {
                return nil
            }
        }
        return current
    }
}
