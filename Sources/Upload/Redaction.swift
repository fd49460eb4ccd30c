/// What is hidden before anything about an upload is shown: the parts of a
/// URL that may be credentials, and the secrets of one request in libcurl's
/// trace. Errors, receipts and the trace go to terminals, logs and cron
/// mail, where a token would be read by others.
public enum Redaction {
    public static let placeholder = "<redacted>"

    /// `url` with its user part (`user:password@`), every query value and
    /// the fragment replaced by `<redacted>`: a pre-signed URL carries its
    /// signature there, and which parameter is secret cannot be known.
    /// Also for text that is not a URL at all (an endpoint refused as bad).
    public static func url(_ url: String) -> String {
        parts(of: url).shown
    }

    /// What `url(_:)` hides: the user part, each query value, the fragment.
    static func hiddenParts(of url: String) -> [String] {
        parts(of: url).hidden
    }

    private static func parts(of url: String) -> (shown: String, hidden: [String]) {
        var text = Substring(url)
        var result = ""
        var hidden: [String] = []
        // The authority follows "scheme://" or "//"; without them, a user part is
        // still recognised before the first "/", "?" or "#".
        if let separator = text.range(of: "://") {
            result += text[..<separator.upperBound]
            text = text[separator.upperBound...]
        } else if text.hasPrefix("//") {
            result += "//"
            text = text.dropFirst(2)
        }
        let authorityEnd = text.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? text.endIndex
        if let at = text[..<authorityEnd].lastIndex(of: "@") {
            result += placeholder
            hidden += text[..<at].split(separator: ":", maxSplits: 1).map(String.init)
            text = text[at...]
        }
        let queryStart = text.firstIndex { $0 == "?" || $0 == "#" } ?? text.endIndex
        result += text[..<queryStart]
        text = text[queryStart...]
        if text.first == "?" {
            let queryEnd = text.firstIndex(of: "#") ?? text.endIndex
            let items = text[text.index(after: text.startIndex)..<queryEnd].split(separator: "&", omittingEmptySubsequences: false)
            result +=
                "?"
                + items.map { item in
                    guard !item.isEmpty else { return "" }
                    guard let equals = item.firstIndex(of: "=") else {
                        hidden.append(String(item))
                        return placeholder
                    }
                    hidden.append(String(item[item.index(after: equals)...]))
                    return item[...equals] + placeholder
                }.joined(separator: "&")
            text = text[queryEnd...]
        }
        if !text.isEmpty {
            result += "#" + placeholder
            hidden.append(String(text.dropFirst()))
        }
        return (result, hidden)
    }
}

/// Hides one request's secrets in libcurl's trace. Request headers are
/// shown only when they are known to carry nothing secret (custom headers
/// often carry API keys); response headers that set or echo credentials are
/// hidden; every URL has its user part and query values hidden; and the
/// request's own secrets (token, custom header values, the endpoint's
/// query values and user part) are hidden wherever they appear.
struct TraceRedactor: Sendable {
    /// Request headers imrf sets itself, or that only describe the body.
    static let shownRequestHeaders: Set<String> = [
        "host", "user-agent", "accept", "content-type", "content-length", "content-digest",
        "idempotency-key", "expect", "transfer-encoding",
    ]
    /// Response headers that set or carry credentials.
    static let hiddenResponseHeaders: Set<String> = [
        "set-cookie", "set-cookie2", "authorization", "proxy-authorization", "cookie",
    ]
    /// Header and URL values shorter than this are not hidden inside other
    /// text: they are no credential, and hiding them would blank unrelated
    /// words ("2"). The token always is.
    static let shortestSecret = 4

    let secrets: [String]

    init(token: BearerToken?, headers: [String], endpoint: String) {
        var secrets = headers.compactMap { header in
            header.firstIndex(of: ":").map { String(header[header.index(after: $0)...]).trimmingCharacters(in: .whitespaces) }
        }
        secrets += Redaction.hiddenParts(of: endpoint)
        secrets = secrets.filter { $0.count >= Self.shortestSecret }
        if let token { secrets.append(token.secret) }
        self.secrets = secrets.sorted { $0.count > $1.count }
    }

    /// One trace line, without its prefix; `direction` is ">" (sent), "<"
    /// (received) or "*" (libcurl's own text).
    func redact(_ line: String, direction: Character) -> String {
        var line = line
        if let colon = line.firstIndex(of: ":"), direction != "*", !line[..<colon].contains(" ") {
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...]
            let hidden =
                direction == ">"
                ? !Self.shownRequestHeaders.contains(name)
                : Self.hiddenResponseHeaders.contains(name) || secrets.contains { value.contains($0) }
            if hidden { return line[...colon] + " " + Redaction.placeholder }
        }
        line = line.split(separator: " ", omittingEmptySubsequences: false).map { word in
            // A URL, or a request line's target ("/path?query").
            word.contains("://") || word.hasPrefix("/") ? Redaction.url(String(word)) : String(word)
        }.joined(separator: " ")
        for secret in secrets { line = line.replacingOccurrences(of: secret, with: Redaction.placeholder) }
        return line
    }
}
