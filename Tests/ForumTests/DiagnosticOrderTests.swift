import Diagnostics
import Testing

/// `SourceLocation`'s order, `sortedByLocation()` and `Diagnostic.summaryLine`:
/// the order and the last line of every report.
@Suite struct DiagnosticOrderTests {
    @Test func locationsSortByPathThenLineThenColumn() {
        let sorted = [
            Diagnostics.SourceLocation(path: "notes/b.md", line: 1, column: 1),
            Diagnostics.SourceLocation(path: "notes/a.md", line: 10, column: 1),
            Diagnostics.SourceLocation(path: "notes/a.md", line: 2, column: 7),
            Diagnostics.SourceLocation(path: "notes/a.md", line: 2, column: 3),
            Diagnostics.SourceLocation(path: "notes/a.md"),
            Diagnostics.SourceLocation(path: "forum.yaml", line: 40, column: 1),
        ].sorted()
        #expect(
            sorted.map(\.description) == [
                "forum.yaml:40:1", "notes/a.md", "notes/a.md:2:3", "notes/a.md:2:7", "notes/a.md:10:1", "notes/b.md:1:1",
            ])
    }

    /// The order every report uses: by path, line and column; a missing
    /// location sorts as the empty path; equal places keep their order.
    @Test func diagnosticsSortByPlaceAndKeepTheOrderOfEquals() {
        var places: [Diagnostics.SourceLocation?] = [nil]
        for path in ["", "forum.yaml", "notes/a.md", "notes/b.md"] {
            for line in 0...2 {
                for column in 0...2 { places.append(Diagnostics.SourceLocation(path: path, line: line, column: column)) }
            }
        }
        // Each place twice, in an order far from sorted (11 is prime to the count).
        let count = places.count * 2
        let diagnostics = (0..<count).map { index in
            Diagnostic.warning("\(index)", at: places[(index * 11 % count) % places.count])
        }
        let reference = diagnostics.sorted { a, b in
            let left = a.location ?? Diagnostics.SourceLocation(path: "")
            let right = b.location ?? Diagnostics.SourceLocation(path: "")
            return (left.path, left.line, left.column) < (right.path, right.line, right.column)
        }
        #expect(diagnostics.sortedByLocation() == reference)
        var inPlace = diagnostics
        inPlace.sortByLocation()
        #expect(inPlace == reference)
        #expect(reference.first?.location == nil)
        // Stable: diagnostics at one place stay in the order they came.
        for (a, b) in zip(reference, reference.dropFirst())
        where a.location ?? Diagnostics.SourceLocation(path: "") == b.location ?? Diagnostics.SourceLocation(path: "") {
            #expect(Int(a.message)! < Int(b.message)!)
        }
    }

    @Test func theSummaryLineCountsErrorsAndWarningsNotNotes() {
        #expect(Diagnostic.summaryLine([]) == "0 errors, 0 warnings")
        #expect(Diagnostic.summaryLine([.error("a"), .warning("b"), .note("c")]) == "1 error, 1 warning")
        #expect(Diagnostic.summaryLine([.error("a"), .error("b"), .warning("c"), .warning("d"), .warning("e")]) == "2 errors, 3 warnings")
    }
}
