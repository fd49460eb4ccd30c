/// Text made safe inside HTML, as element content or a quoted attribute:
/// the one escaper of the summary, the web pages and the reminder e-mails.
public enum HTMLEscaping {
    /// `&`, `<`, `>`, `"` and `'` as entities; every other character as it is.
    public static func escape(_ text: String) -> String { BodyRenderer.htmlEscaper.escape(text) }
}
