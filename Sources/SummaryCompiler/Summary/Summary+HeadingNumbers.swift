import Forum

/// Headings numbered as the UN's Editorial Manual numbers a document's:
/// the sessions I., II. ...; the notes' titles under each A., B. ... (with
/// `document.numberParagraphs`, which numbers the paragraphs).
extension Summary {
    /// The heading of `session`'s section, numbered when the summary is.
    func sessionHeading(_ session: Session) -> String {
        guard checked.forum.document.numberParagraphs else { return session.displayName }
        return "\(Self.roman(Session.allCases.firstIndex(of: session)! + 1)). \(session.displayName)"
    }

    /// A note's title as its heading: the `position`-th titled note of its
    /// session (from 1), lettered when the summary is numbered.
    func noteHeading(_ title: String, position: Int) -> String {
        guard checked.forum.document.numberParagraphs else { return title }
        return "\(Self.letters(position)). \(title)"
    }

    /// Each note's heading by its index in `checked.notes` (nil for a note
    /// without a title): its title lettered by its place among its
    /// session's titled notes, as every format shows it.
    func noteHeadings() -> [String?] {
        var headings = [String?](repeating: nil, count: checked.notes.count)
        for indices in checked.noteIndicesBySession.values {
            var titled = 0
            for index in indices {
                guard let title = checked.notes[index].title else { continue }
                titled += 1
                headings[index] = noteHeading(title, position: titled)
            }
        }
        return headings
    }

    /// `1` → `I`, `4` → `IV`, `9` → `IX`.
    static func roman(_ number: Int) -> String {
        let values: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = number
        var result = ""
        for (value, numeral) in values {
            while rest >= value {
                result += numeral
                rest -= value
            }
        }
        return result
    }

    /// `1` → `A`, `26` → `Z`, `27` → `AA`: a session with more notes than letters goes on.
    static func letters(_ number: Int) -> String {
        var rest = number
        var result = ""
        while rest > 0 {
            rest -= 1
            result = String(UnicodeScalar(UInt8(65 + rest % 26))) + result
            rest /= 26
        }
        return result
    }
}
