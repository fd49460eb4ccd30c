import Foundation
import Ledger
import Storage

/// The file name `imrf submit` stores a note under:
/// `<session>--<author-slug>.md`, e.g. `round-table-2--jane-doe.md`.
///
/// Built only from the validated session and a slug of the author made of
/// `a-z`, `0-9` and `-`, so no front matter can name a path outside
/// `notes/` (`author: ../../etc` gives `...--etc.md`) or a hidden file.
/// Accents are folded (`Zoë Müller` -> `zoe-muller`); an author with no
/// Latin letters or digits (an Arabic name, say) gets `author-` and a hash
/// of the name, which is stable, so resubmissions land on the same file.
enum StoredNoteName {
    /// Longest slug kept, so names stay readable and far below file-system limits.
    static let maximumSlugLength = 60

    static func fileName(session: String, author: String, disambiguated: Bool = false) -> String {
        var slug = slug(author)
        if slug.isEmpty { slug = "author-" + authorHash(author) }
        if disambiguated { slug += "-" + authorHash(author) }
        return "\(session)--\(slug).md"
    }

    /// The names a note of `author` for `session` may be stored under, in
    /// the order they are taken: the plain name, then (when another author's
    /// note holds it: two names with the same slug) the slug with eight hex
    /// digits of the author's hash, then with the whole hash, which no other
    /// name can share (eight digits can be matched on purpose in seconds).
    static func candidates(session: String, author: String) -> [String] {
        let full = String(SHA256.hex(of: Data(author.utf8)))
        let plain = fileName(session: session, author: author)
        return [plain, fileName(session: session, author: author, disambiguated: true), String(plain.dropLast(3)) + "-" + full + ".md"]
    }

    /// Lowercase ASCII letters and digits, other runs of characters become one `-`.
    static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var slug = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                slug.unicodeScalars.append(scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        if slug.count > maximumSlugLength { slug = String(slug.prefix(maximumSlugLength)) }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug
    }

    /// Eight hex digits of the SHA-256 of the author's name as written.
    static func authorHash(_ author: String) -> String {
        String(SHA256.hex(of: Data(author.utf8)).prefix(8))
    }
}
