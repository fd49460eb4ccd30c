import Diagnostics
import Foundation
import Storage

extension CheckedNotes {
    /// The most bytes the notes of one workspace may hold together.
    public static let maximumNoteBytes = WorkspaceLayout.maximumNotesBytes
}

/// The notes of a workspace that fit its budget, taken in order by their
/// sizes before any is read: the first whose size takes the total past the
/// budget is refused with an error at its line 1, and neither it nor the
/// notes after it are read or parsed. A note over a note's own limit counts
/// nothing: it is refused by its size, read no further than that limit.
struct NoteBudget {
    /// How many of the notes, from the first, are read.
    var count: Int
    /// The refused note's outcome (no note, the error), or nothing when all fit.
    var refusal: [(note: Note?, diagnostics: [Diagnostic])] = []

    init(sizes: [Int], paths: [String], maximumBytes: Int) {
        var total = 0
        for (index, size) in sizes.enumerated() {
            total += size <= NoteParser.maximumBytes ? size : 0
            guard total <= maximumBytes else {
                count = index
                refusal = [
                    (
                        nil,
                        [
                            .error(
                                "the notes together are larger than \(Self.grouped(maximumBytes)) bytes: with this one they are \(Self.grouped(total)) bytes",
                                at: SourceLocation(path: paths[index], line: 1, column: 1),
                                hint:
                                    "a summary's notes are a few megabytes at most: remove pasted material, or move notes that are not for this summary out of notes/"
                            )
                        ]
                    )
                ]
                return
            }
        }
        count = sizes.count
    }

    /// A file's size from the file system (0 when it cannot be found: reading
    /// it reports that); `stat` rather than `FileManager`, which builds a
    /// dictionary of every attribute of every note (Benchmarks/compile.sh).
    static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// `16,777,216`.
    static func grouped(_ number: Int) -> String {
        var digits = String(number)
        var index = digits.endIndex
        while digits.distance(from: digits.startIndex, to: index) > 3 {
            index = digits.index(index, offsetBy: -3)
            digits.insert(",", at: index)
        }
        return digits
    }
}
