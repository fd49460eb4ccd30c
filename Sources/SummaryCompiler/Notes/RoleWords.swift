import Foundation

/// The role a summary prints after a note's author, in the note's language:
/// front matter's `role` is an English slug (`rapporteur`), which printed as
/// written after a Spanish or Arabic author's name reads as a stray English word.
enum RoleWords {
    /// The roles README lists, each in the six official languages (the
    /// function, not a gendered person's title, where the language has one).
    /// A language not listed leaves the role out.
    static let words: [String: [String: String]] = [
        "rapporteur": ["en": "rapporteur", "fr": "rapporteur", "es": "relatoría", "ar": "مقرر", "ru": "докладчик", "zh": "报告员"],
        "co-chair": ["en": "co-chair", "fr": "coprésidence", "es": "copresidencia", "ar": "رئاسة مشاركة", "ru": "сопредседатель", "zh": "共同主席"],
        "facilitator": ["en": "facilitator", "fr": "facilitation", "es": "facilitación", "ar": "ميسر", "ru": "координатор", "zh": "协调人"],
        "secretariat": ["en": "secretariat", "fr": "Secrétariat", "es": "Secretaría", "ar": "الأمانة العامة", "ru": "Секретариат", "zh": "秘书处"],
    ]

    /// The words printed after `author` for `role` in a note written in
    /// `language`; nil when there is no role, when a known role has no words
    /// in that language, or when the author's name already says them
    /// ("Civil-society rapporteur", role rapporteur). A role imrf does not
    /// know is printed as written: its author chose the words.
    static func display(role: String?, author: String?, language: String) -> String? {
        guard let role, !role.isEmpty else { return nil }
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        let shown: String
        if let known = words[role.lowercased()] {
            guard let word = known[primary] else { return nil }
            shown = word
        } else {
            shown = role
        }
        if let author, author.range(of: shown, options: [.caseInsensitive, .diacriticInsensitive]) != nil { return nil }
        return shown
    }
}

extension Note {
    /// The role as the summary prints it after the author (`RoleWords`).
    public var roleWords: String? { RoleWords.display(role: role, author: author, language: language) }
}
