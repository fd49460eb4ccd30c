import Foundation

/// The SMTP user name and password. The password prints as `<redacted>`
/// however it is interpolated; only libcurl's login option is set from it.
public struct SMTPCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public let user: String
    let password: String

    public init(user: String, password: String) throws(MailError) {
        for (name, value) in [("user name", user), ("password", password)] {
            guard !value.isEmpty else { throw MailError(.badCredentialsFile, "the SMTP \(name) is empty") }
            guard !value.contains(where: { $0.isNewline || $0 == "\0" }) else {
                throw MailError(.badCredentialsFile, "the SMTP \(name) must be one line")
            }
        }
        self.user = user
        self.password = password
    }

    public var description: String { "\(user):<redacted>" }
    public var debugDescription: String { "SMTPCredentials(\(user), <redacted>)" }

    /// `IMRF_SMTP_USER` and `IMRF_SMTP_PASSWORD` from `environment`; nil when
    /// neither is set, an error when only one is.
    public static func fromEnvironment(_ environment: [String: String]) throws(MailError) -> SMTPCredentials? {
        let user = environment["IMRF_SMTP_USER"].flatMap { $0.isEmpty ? nil : $0 }
        let password = environment["IMRF_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        switch (user, password) {
        case (nil, nil): return nil
        case (let user?, let password?): return try SMTPCredentials(user: user, password: password)
        case (nil, _):
            throw MailError(.credentialsMissing, "IMRF_SMTP_PASSWORD is set but IMRF_SMTP_USER is not", hint: "set both, or neither")
        case (_, nil):
            throw MailError(.credentialsMissing, "IMRF_SMTP_USER is set but IMRF_SMTP_PASSWORD is not", hint: "set both, or neither")
        }
    }

    /// Reads `user: NAME` and `password: SECRET` lines from `path`, refusing
    /// a file its group or others may read (as ssh does for private keys).
    public static func read(fromFile path: String) throws(MailError) -> SMTPCredentials {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw MailError(.badCredentialsFile, "\(path): cannot read the SMTP credentials file (\(String(cString: strerror(errno))))")
        }
        guard info.st_mode & S_IFMT == S_IFREG, info.st_size <= 64 * 1024 else {
            throw MailError(.badCredentialsFile, "\(path): the SMTP credentials file is not a small regular file")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw MailError(
                .badCredentialsFile, "\(path): the SMTP credentials file is readable by others (mode \(String(info.st_mode & 0o777, radix: 8)))",
                hint: "run: chmod 600 \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MailError(.badCredentialsFile, "\(path): cannot read the SMTP credentials file")
        }
        var user: String?
        var password: String?
        for (index, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
            if text.trimmingCharacters(in: .whitespaces).isEmpty || text.hasPrefix("#") { continue }
            guard let colon = text.firstIndex(of: ":") else {
                throw MailError(
                    .badCredentialsFile, "\(path), line \(index + 1): expected 'user: NAME' or 'password: SECRET'")
            }
            let key = text[..<colon].trimmingCharacters(in: .whitespaces)
            let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user": user = value
            case "password": password = value
            default:
                throw MailError(
                    .badCredentialsFile, "\(path), line \(index + 1): unknown key '\(key)'", hint: "the file has a user: line and a password: line")
            }
        }
        guard let user, let password else {
            throw MailError(.badCredentialsFile, "\(path): the SMTP credentials file needs a user: line and a password: line")
        }
        do {
            return try SMTPCredentials(user: user, password: password)
        } catch {
            throw MailError(.badCredentialsFile, "\(path): \(error.message)")
        }
    }
}
