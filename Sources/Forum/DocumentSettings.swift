public import Diagnostics
public import WorkingDays

/// forum.yaml's `document:`: how the summary is laid out as a UN document.
public struct DocumentSettings: Sendable, Hashable {
    /// The UN's usual length for a summary of a meeting: 8,500 words (the
    /// DGACM word limit for reports, footnotes included).
    public static let defaultWordLimit = 8_500

    /// What comes before the summary.
    public enum Form: String, Sendable, Hashable, CaseIterable {
        /// The President's letter to all Permanent Representatives and
        /// Permanent Observers, the summary as its annex (the PGA's usual way).
        case letter
        /// The UN masthead (organ, symbol, distribution, date, original
        /// language, session, agenda item): the summary issued as a document.
        case official
    }

    /// The distribution a masthead states (DGACM Editorial Manual).
    public enum Distribution: String, Sendable, Hashable, CaseIterable {
        case general = "General"
        case limited = "Limited"
        case restricted = "Restricted"
    }

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
    public var form: Form = .letter
    /// The President of the General Assembly, who signs the letter.
    public var president: String?
    /// The document symbol of the masthead (e.g. A/80/950); nil: none yet.
    public var symbol: String?
    public var distribution: Distribution = .general
    /// The date the letter and masthead carry; nil: the day it is compiled.
    public var date: CivilDate?
    public var originalLanguage = "English"
    /// The General Assembly's session (80 for 2025-2026); nil: the session
    /// of the forum's last day.
    public var session: Int?
    /// The masthead's agenda item, as the Assembly numbers it ("14", "118 (b)").
    public var agendaItem: String?

    public init(wordLimit: Int = Self.defaultWordLimit, wordLimitLocation: SourceLocation? = nil, numberParagraphs: Bool = true) {
        self.wordLimit = wordLimit
        self.wordLimitLocation = wordLimitLocation
        self.numberParagraphs = numberParagraphs
    }

    /// The Presidents of the General Assembly by session (the UN's list of
    /// Presidents, un.org/pga): who signs the letter when forum.yaml names
    /// no `president`.
    public static let presidents: [Int: String] = [
        76: "Abdulla Shahid", 77: "Csaba Kőrösi", 78: "Dennis Francis", 79: "Philemon Yang", 80: "Annalena Baerbock",
    ]

    /// The Assembly's session of the document: `session`, else the one in
    /// course on the forum's last day.
    public func assemblySession(forumEnd: CivilDate) -> Int { session ?? Self.assemblySession(on: forumEnd) }

    /// Who signs the letter: `president`, else the President of the session.
    public func signatory(forumEnd: CivilDate) -> String? { president ?? Self.presidents[assemblySession(forumEnd: forumEnd)] }

    /// The General Assembly's regular session in course on `day`: each opens
    /// in September, the first in 1946 (the 80th from September 2025).
    public static func assemblySession(on day: CivilDate) -> Int {
        day.year - 1945 - (day.month < 9 ? 1 : 0)
    }

    /// "Eightieth session", "Seventy-sixth session": the masthead's words.
    public static func sessionWords(_ session: Int) -> String {
        let ordinal = Self.ordinalWords(session)
        return ordinal.prefix(1).uppercased() + ordinal.dropFirst() + " session"
    }

    /// English ordinal words for 1 to 999 ("eightieth", "seventy-sixth",
    /// "one hundred and first"); digits with a suffix beyond.
    static func ordinalWords(_ number: Int) -> String {
        let units = [
            "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
            "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        ]
        let unitOrdinals = [
            "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
            "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
        ]
        let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        let tenOrdinals = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"]
        guard number >= 1 && number <= 999 else { return "\(number)th" }
        let hundreds = number / 100
        let rest = number % 100
        var words = hundreds > 0 ? units[hundreds] + " hundred" : ""
        if rest == 0 { return words + "th" }
        if hundreds > 0 { words += " and " }
        if rest < 20 { return words + unitOrdinals[rest] }
        if rest % 10 == 0 { return words + tenOrdinals[rest / 10] }
        return words + tens[rest / 10] + "-" + unitOrdinals[rest % 10]
    }
}
