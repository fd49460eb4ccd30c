import Foundation

/// What imrf's two libcurl clients (the upload and the mail) decide about
/// the machine at the other end, decided once.
public enum NetworkPeer {
    /// This machine: `localhost` (and `*.localhost`), `::1`, `127.x.x.x`.
    /// Only there may a token travel over plain http, or mail go without
    /// STARTTLS: loopback is for tests and local proxies.
    public static func isLoopback(host: String) -> Bool {
        let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if name == "localhost" || name.hasSuffix(".localhost") || name == "::1" { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// `isLoopback(host:)` of the URL's host; false for a URL without one.
    public static func isLoopback(url: String) -> Bool {
        URL(string: url)?.host.map { isLoopback(host: $0) } ?? false
    }

    /// OpenSSL's and GnuTLS's words for a peer that answered a TLS hello in
    /// plain text (an http:// or smtp:// port given as https:// or smtps://).
    public static func answeredInPlainText(_ errorText: String) -> Bool {
        let lowered = errorText.lowercased()
        return ["wrong version number", "packet length too long", "unknown protocol", "record layer failure", "unexpected tls packet"]
            .contains { lowered.contains($0) }
    }
}
