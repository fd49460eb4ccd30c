extension Diagnostic {
    /// `2 errors, 1 warning`: how many errors and warnings `diagnostics`
    /// holds (notes are not counted), for the last line of a report.
    public static func summaryLine(_ diagnostics: some Sequence<Diagnostic>) -> String {
        var errors = 0
        var warnings = 0
        for diagnostic in diagnostics {
            switch diagnostic.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: break
            }
        }
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }

    /// Whether `lhs` is reported before `rhs`: by location (`SourceLocation`'s
    /// order), a diagnostic without one first, as if at the empty path.
    public static func isReportedBefore(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        (lhs.location ?? unplaced) < (rhs.location ?? unplaced)
    }

    private static let unplaced = SourceLocation(path: "")
}

extension Sequence<Diagnostic> {
    /// The diagnostics sorted by file, line and column
    /// (`Diagnostic.isReportedBefore`); those at the same place, and those
    /// without a location (which come first), keep their order.
    public func sortedByLocation() -> [Diagnostic] {
        sorted(by: Diagnostic.isReportedBefore)
    }
}

extension MutableCollection where Self: RandomAccessCollection, Element == Diagnostic {
    /// Sorts in place as `sortedByLocation()` does.
    public mutating func sortByLocation() {
        sort(by: Diagnostic.isReportedBefore)
    }
}
