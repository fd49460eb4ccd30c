import Foundation

extension UploadRecord {
    /// `url` without anything that may be a credential: user, password,
    /// query and fragment (a pre-signed URL carries its signature in the
    /// query). The ledger is read by anyone with the workspace, and tokens
    /// are never written down.
    public static func withoutCredentials(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.scheme != nil else {
            // Not a URL we can take apart: keep only what precedes any '?' or '#'.
            return String(url.prefix { $0 != "?" && $0 != "#" })
        }
        components.user = nil
        components.password = nil
        components.query = nil
        components.fragment = nil
        return components.string ?? String(url.prefix { $0 != "?" && $0 != "#" })
    }
}
