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
        if line > 0 {
            text += ":\(line)"
            if column > 0 { text += ":\(column)" }
        }
        return text
    }
}
