import CCurl
import CCurlShim
import Foundation

/// `curl_global_init`, run once, lazily, before the first handle exists.
private let curlGlobalInit: CURLcode = imrf_curl_global_init(Int(CURL_GLOBAL_DEFAULT))

/// State the C callbacks reach through `Unmanaged`: the open file, what the
/// response said, and the trace sink. Lives exactly as long as one transfer.
final class TransferContext {
    let document: DocumentFile
    var file: UnsafeMutablePointer<FILE> { document.stream }
    var location: String?
    var retryAfter: Double?
    var responseBody: [UInt8] = []
    let trace: (@Sendable (String) -> Void)?
    let redactor: TraceRedactor
    let progress: (@Sendable (Int64, Int64) -> Void)?
    /// When progress was last reported (nanoseconds of the monotonic clock), to report at most ten times a second.
    var lastProgress: UInt64 = 0
    var reportedAllSent = false

    init(
        document: DocumentFile,
        trace: (@Sendable (String) -> Void)?,
        redactor: TraceRedactor,
        progress: (@Sendable (Int64, Int64) -> Void)? = nil
    ) {
        self.document = document
        self.trace = trace
        self.redactor = redactor
        self.progress = progress
    }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> TransferContext {
        Unmanaged<TransferContext>.fromOpaque(pointer!).takeUnretainedValue()
    }
}

/// The outcome of one attempt: libcurl's code and, when a response came, its status.
struct AttemptResult {
    var code: CURLcode
    var errorText: String
    var status: Int
    var effectiveURL: String
    var location: String?
    var retryAfter: Double?
}

/// One libcurl easy handle with the lists and MIME body it points to; all of
/// them are freed when the value goes away.
struct Transfer: ~Copyable {
    private let handle: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private var mime: OpaquePointer?
    private let context: TransferContext
    private var errorBuffer: UnsafeMutablePointer<CChar>

    init?(context: TransferContext) {
        _ = curlGlobalInit
        guard let handle = imrf_curl_easy_init() else { return nil }
        self.handle = handle
        self.context = context
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let opaque = Unmanaged.passUnretained(context).toOpaque()
        imrf_curl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        // Larger reads per callback than the 64 KiB default: fewer calls for big documents.
        imrf_curl_easy_setopt_long(handle, CURLOPT_UPLOAD_BUFFERSIZE, 1 << 20)
        imrf_curl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        imrf_curl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        imrf_curl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        imrf_curl_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        imrf_curl_easy_setopt_pointer(handle, CURLOPT_READDATA, opaque)
        imrf_curl_easy_setopt_pointer(handle, CURLOPT_SEEKDATA, opaque)
        imrf_curl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, opaque)
        imrf_curl_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, opaque)
        imrf_curl_easy_setopt_data_callback(handle, CURLOPT_READFUNCTION, Transfer.read)
        imrf_curl_easy_setopt_seek_callback(handle, Transfer.seek)
        imrf_curl_easy_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, Transfer.write)
        imrf_curl_easy_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION, Transfer.header)
        if context.progress != nil {
            imrf_curl_easy_setopt_pointer(handle, CURLOPT_XFERINFODATA, opaque)
            imrf_curl_easy_setopt_xferinfo_callback(handle, Transfer.xferInfo)
            imrf_curl_easy_setopt_long(handle, CURLOPT_NOPROGRESS, 0)
        }
        if context.trace != nil {
            imrf_curl_easy_setopt_pointer(handle, CURLOPT_DEBUGDATA, opaque)
            imrf_curl_easy_setopt_debug_callback(handle, Transfer.debug)
            imrf_curl_easy_setopt_long(handle, CURLOPT_VERBOSE, 1)
        }
    }

    deinit {
        imrf_curl_easy_cleanup(handle)
        if let mime { imrf_curl_mime_free(mime) }
        imrf_curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    func set(_ option: CURLoption, _ value: Int) { imrf_curl_easy_setopt_long(handle, option, value) }
    func set(_ option: CURLoption, _ value: String) { imrf_curl_easy_setopt_string(handle, option, value) }
    func set(_ option: CURLoption, offset value: Int64) { imrf_curl_easy_setopt_off_t(handle, option, curl_off_t(value)) }

    mutating func setHeaders(_ headers: [String]) {
        for header in headers { headerList = imrf_curl_slist_append(headerList, header) }
        imrf_curl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList)
    }

    /// A multipart body whose one part is the file, streamed through the read callback.
    mutating func setMultipart(field: String, filename: String, size: Int64) {
        let mime = imrf_curl_mime_init(handle)
        let part = imrf_curl_mime_addpart(mime)
        imrf_curl_mime_name(part, field)
        imrf_curl_mime_filename(part, filename)
        imrf_curl_mime_type(part, "application/octet-stream")
        imrf_curl_mime_data_cb(
            part, curl_off_t(size),
            { buffer, size, items, pointer in Transfer.read(buffer, size, items, pointer) },
            { pointer, offset, origin in Transfer.seek(pointer, offset, origin) },
            nil,
            Unmanaged.passUnretained(context).toOpaque()
        )
        self.mime = mime
        imrf_curl_easy_setopt_mime(handle, CURLOPT_MIMEPOST, mime)
    }

    func perform() -> AttemptResult {
        let code = imrf_curl_easy_perform(handle)
        var status = 0
        imrf_curl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var url: UnsafePointer<CChar>?
        imrf_curl_easy_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &url)
        var text = String(cString: errorBuffer)
        if text.isEmpty { text = String(cString: imrf_curl_easy_strerror(code)) }
        return AttemptResult(
            code: code,
            errorText: text,
            status: status,
            effectiveURL: url.map { String(cString: $0) } ?? "",
            location: context.location,
            retryAfter: context.retryAfter
        )
    }

    // MARK: Callbacks (capture nothing; context through Unmanaged)

    private static let read: imrf_curl_data_callback = { buffer, size, items, pointer in
        let context = TransferContext.from(pointer)
        let count = fread(buffer, 1, size * items, context.file)
        if count == 0, ferror(context.file) != 0 { return imrf_curl_readfunc_abort() }
        return count
    }

    private static let seek: imrf_curl_seek_callback = { pointer, offset, origin in
        let context = TransferContext.from(pointer)
        return fseeko(context.file, off_t(offset), origin) == 0 ? imrf_curl_seekfunc_ok() : imrf_curl_seekfunc_fail()
    }

    /// Passes upload progress on, at most every 100 ms and once at the end.
    private static let xferInfo: imrf_curl_xferinfo_callback = { pointer, _, _, total, sent in
        let context = TransferContext.from(pointer)
        guard let progress = context.progress, total > 0 else { return 0 }
        let now = DispatchTime.now().uptimeNanoseconds
        if sent == total {
            guard !context.reportedAllSent else { return 0 }  // libcurl goes on calling while the response comes
            context.reportedAllSent = true
            progress(Int64(sent), Int64(total))
        } else if now &- context.lastProgress >= 100_000_000 {
            context.lastProgress = now
            progress(Int64(sent), Int64(total))
        }
        return 0
    }

    /// Keeps the first few KiB of the response (for error messages), drops the rest.
    private static let write: imrf_curl_data_callback = { buffer, size, items, pointer in
        let context = TransferContext.from(pointer)
        let count = size * items
        let room = max(0, 4096 - context.responseBody.count)
        if room > 0, let buffer {
            buffer.withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
                context.responseBody.append(contentsOf: UnsafeBufferPointer(start: bytes, count: min(room, count)))
            }
        }
        return count
    }

    private static let header: imrf_curl_data_callback = { buffer, size, items, pointer in
        let context = TransferContext.from(pointer)
        let count = size * items
        guard let buffer else { return count }
        let line = buffer.withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
            String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        }.trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            // A new response (after 100 Continue, say): forget the previous one's headers.
            context.location = nil
            context.retryAfter = nil
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "location" { context.location = value }
            if name == "retry-after" { context.retryAfter = Double(value) }
        }
        return count
    }

    private static let debug: imrf_curl_debug_callback = { _, type, data, size, pointer in
        let context = TransferContext.from(pointer)
        guard let trace = context.trace, let data else { return 0 }
        let prefix: String
        switch type {
        case CURLINFO_TEXT: prefix = "* "
        case CURLINFO_HEADER_IN: prefix = "< "
        case CURLINFO_HEADER_OUT: prefix = "> "
        default: return 0  // bodies and TLS data are never traced
        }
        let text = data.withMemoryRebound(to: UInt8.self, capacity: size) { bytes in
            String(decoding: UnsafeBufferPointer(start: bytes, count: size), as: UTF8.self)
        }
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            trace(prefix + context.redactor.redact(String(line), direction: prefix.first!))
        }
        return 0
    }
}
