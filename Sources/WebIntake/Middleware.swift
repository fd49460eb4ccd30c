import Foundation
import HTTPTypes
public import Hummingbird
public import Logging

/// One line per request on the log (stderr): method, path without query
/// (a personal link's token replaced by `<token>`), status, milliseconds.
/// Never a body, a header or a token.
public struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let path = Self.loggedPath(request.uri.path)
        do {
            let response = try await next(request, context)
            log(request.method, path, response.status.code, since: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request.method, path, status, since: start)
            throw error
        }
    }

    private func log(_ method: HTTPRequest.Method, _ path: String, _ status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info("\(method.rawValue) \(path) \(status) \(String(format: "%.1f", milliseconds)) ms")
    }

    /// The path as logged: `/i/<token>` for a personal link, control
    /// characters dropped, at most 200 characters.
    static func loggedPath(_ path: String) -> String {
        if path.hasPrefix("/i/") { return "/i/<token>" }
        let clean = String(String.UnicodeScalarView(path.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
        return clean.count > 200 ? String(clean.prefix(200)) + "..." : clean
    }
}

/// The security headers of every answer, and every refusal turned into an
/// answer of its own (JSON under `/api/`, an escaped page elsewhere), so no
/// error leaves the intake without them.
public struct SecurityMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as IntakeError {
            response = Self.response(for: error, api: request.uri.path.hasPrefix("/api/"))
        } catch let error as any HTTPResponseError {
            let status = error.status
            let message = status == .contentTooLarge ? IntakeError.tooLarge(IntakeLimits.noteBytes) : IntakeError(status, status.reasonPhrase)
            response = Self.response(for: message, api: request.uri.path.hasPrefix("/api/"))
        } catch {
            context.logger.error("internal error: \(String(describing: type(of: error)))")
            response = Self.response(
                for: IntakeError(.internalServerError, "something went wrong on the server", hint: "try again; if it persists, tell the office"),
                api: request.uri.path.hasPrefix("/api/"))
        }
        Self.addHeaders(&response.headers)
        return response
    }

    static func addHeaders(_ headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        // same-origin, not no-referrer: under no-referrer browsers send
        // `Origin: null` on the page's own form posts, which the Origin
        // check then refuses. Other sites still get no Referer (no token).
        headers[.referrerPolicy] = "same-origin"
        headers[.xFrameOptions] = "DENY"
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
    }

    static func response(for error: IntakeError, api: Bool) -> Response {
        var response: Response
        if api {
            response = JSONBody.response(ErrorBody(error: error.message, hint: error.hint), status: error.status)
        } else {
            response = Page.response(Page.errorPage(error), status: error.status)
        }
        for field in error.headers { response.headers.append(field) }
        return response
    }

    struct ErrorBody: Encodable {
        var error: String
        var hint: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(error, forKey: .error)
            try container.encode(hint, forKey: .hint)
        }

        enum CodingKeys: String, CodingKey { case error, hint }
    }
}

extension HTTPField.Name {
    static let referrerPolicy = Self("Referrer-Policy")!
    static let xFrameOptions = Self("X-Frame-Options")!
    static let xCSRFToken = Self("X-CSRF-Token")!
}
