public import Diagnostics
import Foundation

/// Where the note made from one Word file is written: the note's path as
/// the person sees it, the folder and file name it is written to, and the
/// prefix its pictures are named with (saved beside it).
///
/// Several Word files imported in one run each get the note beside their
/// file (`NAME.md`); `beside(_:folderIdentity:)` refuses, before anything is
/// written, a set in which one file's note or pictures would replace
/// another's.
public struct NoteDestination: Sendable, Hashable {
    /// The Word file, as given.
    public var wordFile: String
    /// The note's path as given or made (`NAME.md` beside the Word file).
    public var note: String
    /// The folder the note and its pictures are written to (`.` for the current one).
    public var folder: String
    /// The note's file name in `folder`.
    public var name: String
    /// The prefix of the pictures' names (`<prefix>-1.png`), from the note's name.
    public var picturePrefix: String

    /// The note of `wordFile`, written to `note` when given, else beside
    /// the Word file with `.md` in place of its extension.
    public init(wordFile: String, note: String? = nil) {
        let note = note ?? ((wordFile as NSString).deletingPathExtension + ".md")
        let folder = (note as NSString).deletingLastPathComponent
        self.wordFile = wordFile
        self.note = note
        self.folder = folder.isEmpty ? "." : folder
        self.name = (note as NSString).lastPathComponent
        self.picturePrefix = WordImport.safeName((name as NSString).deletingPathExtension)
    }

    public static let givenTwiceCode: Diagnostic.Code = "wordImport.givenTwice"
    public static let sameNoteCode: Diagnostic.Code = "wordImport.sameNote"
    public static let samePicturesCode: Diagnostic.Code = "wordImport.samePictures"

    /// The note of each Word file, beside it, in the order given; refused
    /// (a usage failure, every conflict said) when a file is given twice,
    /// when two files would write the same note or pictures of the same
    /// names (a note written over a file given, `x.md` beside `x.docx`, is
    /// one of these: `x.md`'s own note). Names are compared without regard
    /// to capitals, as many disks do.
    ///
    /// `folderIdentity` says which folder a path names (the executable
    /// resolves it to the real absolute path, so that `a/x.docx` and
    /// `./a/x.docx` are the same file); it is called once for each file.
    public static func beside(_ files: [String], folderIdentity: (String) -> String = { $0 }) throws(DiagnosticFailure) -> [NoteDestination] {
        let destinations = files.map { NoteDestination(wordFile: $0) }
        var wordFiles: [String: NoteDestination] = [:]
        var notes: [String: NoteDestination] = [:]
        var prefixes: [String: NoteDestination] = [:]
        var problems: [Diagnostic] = []
        for destination in destinations {
            let folder = folderIdentity(destination.folder)
            let wordFile = folder + "/" + (destination.wordFile as NSString).lastPathComponent
            let at = SourceLocation(path: destination.wordFile)
            if wordFiles[wordFile] != nil {
                problems.append(
                    .error("this Word file is given twice", at: at, hint: "name each Word file once", code: givenTwiceCode))
                continue
            }
            wordFiles[wordFile] = destination
            if let other = notes[folder + "/" + destination.name.lowercased()] {
                problems.append(
                    .error(
                        other.note == other.wordFile
                            ? "its note, '\(destination.note)', would be written over '\(other.wordFile)', given too"
                            : "its note, '\(destination.note)', would be written over the note of '\(other.wordFile)' ('\(other.note)')", at: at,
                        hint: "rename one of the two Word files, or import them one at a time", code: sameNoteCode))
                continue
            }
            notes[folder + "/" + destination.name.lowercased()] = destination
            if let other = prefixes[folder + "/" + destination.picturePrefix.lowercased()] {
                problems.append(
                    .error(
                        "its pictures would be named as those of '\(other.wordFile)' (\(destination.picturePrefix)-1.png, ...) and written over them",
                        at: at, hint: "rename one of the two Word files, or import them one at a time", code: samePicturesCode))
                continue
            }
            prefixes[folder + "/" + destination.picturePrefix.lowercased()] = destination
        }
        guard problems.isEmpty else { throw DiagnosticFailure(.usage, problems) }
        return destinations
    }
}
