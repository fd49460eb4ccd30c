/// The opening of a Word run up to its text (`<w:r>`, its properties,
/// `<w:t xml:space="preserve">`), made once per run format and kept: a run
/// is opened for every piece of text in the summary, so its properties are
/// built once per format rather than once per run (Benchmarks/compile.sh,
/// docx).
///
/// A value the renderer owns and mutates (`DocxRenderer.runStarts`): what
/// it keeps is a pure function of the format, so a copy of it is as good
/// as the original. It keeps the openings of one language and direction at
/// a time (the note being rendered's), by the format's five flags; a
/// format with capitals or a size is not kept.
struct RunStarts {
    private var language = ""
    private var rightToLeft = false
    private var starts = [String?](repeating: nil, count: 32)

    /// The five flags of `format` as an index into `starts`.
    private static func flags(_ format: DocxRenderer.RunFormat) -> Int {
        (format.bold ? 1 : 0) | (format.italic ? 2 : 0) | (format.strike ? 4 : 0)
            | (format.code ? 8 : 0) | (format.hyperlink ? 16 : 0)
    }

    mutating func start(of format: DocxRenderer.RunFormat) -> String {
        // Capitals and sizes (the letterhead, the masthead) are a few runs: made each time, not kept.
        if format.caps || format.size != nil { return Self.make(format) }
        if format.language != language || format.rightToLeft != rightToLeft {
            language = format.language
            rightToLeft = format.rightToLeft
            starts = [String?](repeating: nil, count: 32)
        }
        let flags = Self.flags(format)
        if let start = starts[flags] { return start }
        let start = Self.make(format)
        starts[flags] = start
        return start
    }

    private static func make(_ format: DocxRenderer.RunFormat) -> String {
        var start = "<w:r>"
        format.appendProperties(to: &start)
        return start + "<w:t xml:space=\"preserve\">"
    }
}
