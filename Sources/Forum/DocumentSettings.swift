public import Diagnostics

/// forum.yaml's `document:`: how the summary is made as a document.
public struct DocumentSettings: Sendable, Hashable {
    /// The UN's usual length for a summary of a meeting: 8,500 words (the
    /// DGACM word limit for reports, footnotes included).
    public static let defaultWordLimit = 8_500

    /// `imrf check` and `compile` warn when the summary's notes have more words.
    public var wordLimit: Int
    /// Where forum.yaml sets `wordLimit`; nil: the default.
    public var wordLimitLocation: SourceLocation?
    /// The summary's paragraphs numbered consecutively across the document,
    /// as the UN numbers an official document's (`numberParagraphs: false`: not).
    public var numberParagraphs: Bool
    /// A Word document (relative to the workspace) whose styles, page size
    /// and margins the .docx and PDF take (`imrf compile --reference-docx`).
    public var referenceDocx: String?

    public init(wordLimit: Int = Self.defaultWordLimit, wordLimitLocation: SourceLocation? = nil, numberParagraphs: Bool = true) {
        self.wordLimit = wordLimit
        self.wordLimitLocation = wordLimitLocation
        self.numberParagraphs = numberParagraphs
    }
}
