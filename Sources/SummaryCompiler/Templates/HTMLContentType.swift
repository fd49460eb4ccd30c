import Mustache

/// The HTML escaping of the Mustache templates that declare
/// `{{% CONTENT_TYPE: HTML}}`, as the shipped `summary.html.mustache` does:
/// the escaping of `BodyRenderer`, on UTF-8 bytes.
///
/// swift-mustache's own (its default, used by templates without the
/// declaration) escapes whole `Character`s: a quote followed by a combining
/// accent (`"` + U+0301) is one `Character`, is not escaped, and ends the
/// attribute it is written in, and the rest of a note's title or author
/// would become attributes of the element. It also costs a dictionary
/// lookup per character. The replacements are the same five, so an escaped
/// text differs only where swift-mustache let markup through.
struct HTMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { BodyRenderer.htmlEscaper.escape(text) }

    /// Registers this type under swift-mustache's name "HTML", which the
    /// templates' `{{% CONTENT_TYPE: HTML}}` looks up while they are parsed;
    /// done once, before any template is.
    static let registered: Void = MustacheContentTypes.register(HTMLContentType(), named: "HTML")
}
