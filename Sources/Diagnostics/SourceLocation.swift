/// Where in a user's file a diagnostic points: the path as the user gave it,
/// and a 1-based line and column (0 when unknown).
///
/// Paths are kept as given, not resolved, so a message names the file the
/// way the person typed it.
public struct SourceLocation: Sendable, Hashable, Codable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }
}

extension SourceLocation: Comparable {
    /// By path, then line, then column: a report reads each file top to bottom.
    /// A location with an unknown line (0) comes before the file's lines.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}

extension SourceLocation: CustomStringConvertible {
    /// `path:line:col`, omitting the parts that are unknown, as compilers do.
    public var description: String {
        var text = path
        if let knownLine {
            text += ":\(knownLine)"
            if let knownColumn { text += ":\(knownColumn)" }
        }
        return text
    }

    /// The line, nil when unknown (0).
    public var knownLine: Int? { line > 0 ? line : nil }

    /// The column, nil when it or the line is unknown.
    public var knownColumn: Int? { line > 0 && column > 0 ? column : nil }
}
