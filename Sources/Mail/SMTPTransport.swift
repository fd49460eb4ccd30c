import CCurl
import CCurlShim
import Foundation
import Storage

/// `curl_global_init`, run once, lazily, before the first handle exists.
private let curlGlobalInit: CURLcode = imrf_curl_global_init(Int(CURL_GLOBAL_DEFAULT))

/// Sends messages to one SMTP server through libcurl: one connection per
/// message, TLS verified always, STARTTLS required on `smtp://` unless the
/// server is this machine (a local relay such as Postfix on 127.0.0.1).
public struct SMTPTransport: Sendable {
    public var url: String
    public var credentials: SMTPCredentials?
    /// A CA certificate file (PEM) to trust instead of the system's, for a private CA.
    public var caCertificateFile: String?
    /// Seconds for the connection and for the whole message.
    public var timeout: Double

    public init(url: String, credentials: SMTPCredentials?, caCertificateFile: String? = nil, timeout: Double = 60) {
        self.url = url
        self.credentials = credentials
        self.caCertificateFile = caCertificateFile
        self.timeout = timeout
    }

    /// Sends `message` to its `to` address, from `message.from`; returns the
    /// server's reply to the message (`250 2.0.0 Ok: queued as 4F2A1`).
    /// Blocks until the server answers or `timeout` passes.
    public func send(_ message: MailMessage) throws(MailError) -> String {
        if let reason = imrf_curl_load() {
            throw MailError(
                .libcurlMissing, "libcurl, which sending e-mail needs, cannot be loaded: \(String(cString: reason))",
                hint: "install libcurl 4 (Debian and Ubuntu: apt-get install libcurl4), or set IMRF_LIBCURL to the path of libcurl.so.4")
        }
        _ = curlGlobalInit
        let context = SMTPContext(bytes: Array(message.rendered().utf8))
        guard let handle = imrf_curl_easy_init() else { throw MailError(.unavailable, "libcurl could not create a handle") }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let recipients = imrf_curl_slist_append(nil, "<\(message.to.address)>")
        defer {
            imrf_curl_easy_cleanup(handle)
            imrf_curl_slist_free_all(recipients)
            errorBuffer.deallocate()
        }
        let opaque = Unmanaged.passUnretained(context).toOpaque()
        imrf_curl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        imrf_curl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        imrf_curl_easy_setopt_string(handle, CURLOPT_URL, url)
        imrf_curl_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        imrf_curl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        imrf_curl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        imrf_curl_easy_setopt_long(handle, CURLOPT_USE_SSL, Int(isLoopback ? CURLUSESSL_TRY.rawValue : CURLUSESSL_ALL.rawValue))
        if let caCertificateFile { imrf_curl_easy_setopt_string(handle, CURLOPT_CAINFO, caCertificateFile) }
        if let credentials {
            imrf_curl_easy_setopt_string(handle, CURLOPT_USERNAME, credentials.user)
            imrf_curl_easy_setopt_string(handle, CURLOPT_PASSWORD, credentials.password)
        }
        let milliseconds = max(1, Int(timeout * 1000))
        imrf_curl_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds)
        imrf_curl_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, milliseconds)
        imrf_curl_easy_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(message.from.address)>")
        imrf_curl_easy_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipients)
        imrf_curl_easy_setopt_long(handle, CURLOPT_UPLOAD, 1)
        imrf_curl_easy_setopt_pointer(handle, CURLOPT_READDATA, opaque)
        imrf_curl_easy_setopt_data_callback(handle, CURLOPT_READFUNCTION, SMTPContext.read)
        imrf_curl_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, opaque)
        imrf_curl_easy_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION, SMTPContext.reply)
        let code = imrf_curl_easy_perform(handle)
        var response = 0
        imrf_curl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &response)
        let errorText = errorBuffer.pointee != 0 ? String(cString: errorBuffer) : String(cString: imrf_curl_easy_strerror(code))
        if code == CURLE_OK {
            return context.lastReply ?? "\(response)"
        }
        throw classify(code, response: response, reply: context.lastReply, errorText: errorText, recipient: message.to.address)
    }

    /// The server's host is this machine: STARTTLS is used when offered, not required.
    var isLoopback: Bool { NetworkPeer.isLoopback(url: url) }

    private var server: String {
        guard let parsed = URL(string: url), let host = parsed.host else { return url }
        return parsed.port.map { "\(host):\($0)" } ?? host
    }

    private func classify(_ code: CURLcode, response: Int, reply: String?, errorText: String, recipient: String) -> MailError {
        let said = reply.map { ": \($0)" } ?? ""
        switch code {
        case CURLE_LOGIN_DENIED:
            return MailError(
                .authenticationRefused, "\(server) refused the SMTP user name or password\(said)",
                hint: "check IMRF_SMTP_USER and IMRF_SMTP_PASSWORD, or reminders.credentialsFile")
        case CURLE_USE_SSL_FAILED:
            return MailError(
                .noTLS, "\(server) does not offer STARTTLS, and imrf sends mail to another machine only encrypted",
                hint: "use the server's TLS port (smtps://HOST:465) or a server that offers STARTTLS (usually port 587)")
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM:
            return MailError(
                .tls, "the mail server \(server) could not be verified: \(errorText)",
                hint: "for a private CA, give its certificate with --cacert")
        case CURLE_SSL_CONNECT_ERROR where NetworkPeer.answeredInPlainText(errorText):
            return MailError(
                .tls, "\(server) does not speak TLS from the start: \(errorText)",
                hint: "smtps:// is for a TLS port (usually 465); for a port with STARTTLS (usually 587), write smtp://")
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return MailError(.badURL, "bad mail server address '\(url)': \(errorText)", hint: "write smtp://HOST:587 or smtps://HOST:465")
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT:
            return MailError(.unavailable, "cannot reach the mail server \(server): \(errorText)", hint: "the message is sent at the next run")
        case CURLE_OPERATION_TIMEDOUT, CURLE_RECV_ERROR:
            // Connected, but no greeting: a port that speaks TLS from the first byte waits for the client to start it.
            return MailError(
                .unavailable, "the mail server \(server) did not answer: \(errorText)",
                hint: url.lowercased().hasPrefix("smtp://")
                    ? "if that port is for TLS from the start (usually 465), write smtps://; otherwise the message is sent at the next run"
                    : "the message is sent at the next run")
        default:
            break
        }
        // libcurl: "RCPT failed: 550"; the server's line names the address.
        if errorText.contains("RCPT failed") || (reply.map { $0.hasPrefix("55") && $0.contains(recipient) } ?? false) {
            return MailError(
                .recipientRefused, "\(server) refused the recipient \(recipient)\(said)",
                hint: "check the address in the invitation (imrf invite --list); the other messages are sent")
        }
        if (500..<600).contains(response) {
            return MailError(.rejected, "\(server) refused the message to \(recipient)\(said)")
        }
        return MailError(
            .unavailable, "sending to \(recipient) through \(server) failed: \(errorText)\(said)", hint: "the message is sent at the next run")
    }

}

/// What libcurl's callbacks reach: the message's bytes and how far they
/// were read, and the server's last reply line.
private final class SMTPContext {
    let bytes: [UInt8]
    var offset = 0
    var lastReply: String?

    init(bytes: [UInt8]) { self.bytes = bytes }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> SMTPContext {
        Unmanaged<SMTPContext>.fromOpaque(pointer!).takeUnretainedValue()
    }

    static let read: imrf_curl_data_callback = { buffer, size, count, pointer in
        let context = SMTPContext.from(pointer)
        let room = size * count
        let length = min(room, context.bytes.count - context.offset)
        guard length > 0, let buffer else { return 0 }
        context.bytes.withUnsafeBufferPointer { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + context.offset, byteCount: length)
        }
        context.offset += length
        return length
    }

    /// Each reply line from the server (libcurl passes SMTP's replies to the
    /// header callback); the last one is kept, without its line end.
    static let reply: imrf_curl_data_callback = { buffer, size, count, pointer in
        let context = SMTPContext.from(pointer)
        let length = size * count
        guard let buffer else { return length }
        let line = String(decoding: UnsafeRawBufferPointer(start: buffer, count: length), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if !line.isEmpty { context.lastReply = String(line.prefix(512)) }
        return length
    }
}
