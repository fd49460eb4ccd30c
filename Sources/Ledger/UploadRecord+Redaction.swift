import Foundation

extension UploadRecord {
    /// `url` without anything that may be a credential: user, password,
    /// query and fragment (a pre-signed URL carries its signature in the
    /// query). The ledger is read by anyone with the workspace, and tokens
    /// are never written down.
    public static func withoutCredentials(_ url: String) -> String {
        // Without a host, "me:secret@host/p" reads as scheme "me" and a path.
        guard var components = URLComponents(string: url), components.scheme != nil, components.host != nil else {
            return withoutCredentials(text: url)
        }
        components.user = nil
        components.password = nil
        components.query = nil
        components.fragment = nil
        return components.string ?? withoutCredentials(text: url)
    }

    /// For text URLComponents cannot take apart: only what precedes any `?`
    /// or `#`, and without a user part (up to the last `@` before the path).
    private static func withoutCredentials(text url: String) -> String {
        var text = Substring(url.prefix { $0 != "?" && $0 != "#" })
        var kept = ""
        if let separator = text.range(of: "://") {
            kept = String(text[..<separator.upperBound])
            text = text[separator.upperBound...]
        } else if text.hasPrefix("//") {
            kept = "//"
            text = text.dropFirst(2)
        }
        let authorityEnd = text.firstIndex(of: "/") ?? text.endIndex
        if let at = text[..<authorityEnd].lastIndex(of: "@") { text = text[text.index(after: at)...] }
        return kept + text
    }
}
