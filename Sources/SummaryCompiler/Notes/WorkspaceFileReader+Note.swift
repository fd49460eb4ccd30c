public import Diagnostics
public import Storage

extension WorkspaceFileReader {
    /// The bytes of the note at `path` (at most `NoteParser.maximumBytes`),
    /// or the error at the note saying why it was not read.
    public func readNote(_ path: String) -> Result<[UInt8], DiagnosticFailure> {
        read(path, limit: NoteParser.maximumBytes).mapError { problem in
            let diagnostic: Diagnostic =
                switch problem {
                case .tooLarge(let bytes): NoteParser.tooLarge(path, size: bytes)
                case .notAFile(let kind), .notAFolder(let kind):
                    .error("note is \(kind), not a file", at: SourceLocation(path: path), hint: "keep only note files in the notes folder")
                case .outside, .link:
                    .error(
                        "note is a link to a file outside the workspace", at: SourceLocation(path: path),
                        hint: "copy the note into the workspace instead of linking to it"
                    )
                case .cannotRead(let reason):
                    .error("cannot read note", at: SourceLocation(path: path), hint: "\(reason): check the file name and that the file exists")
                }
            return DiagnosticFailure(.badInput, diagnostic)
        }
    }
}
