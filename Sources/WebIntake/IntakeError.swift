public import HTTPTypes

/// A refusal the intake answers with: the status, and what the person
/// reads (JSON `{"error", "hint"}` for the API, an escaped page otherwise).
/// Never a stack trace, a path of the server or a token.
public struct IntakeError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var message: String
    public var hint: String?
    /// What the error page says instead of `hint`, when the API's hint is
    /// for scripts (a header to send) and a person needs other words.
    public var pageHint: String?
    /// Extra headers (`Retry-After`).
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ message: String, hint: String? = nil) {
        self.status = status
        self.message = message
        self.hint = hint
    }

    static let notSignedIn: IntakeError = {
        var error = IntakeError(
            .unauthorized, "sign in with your personal link", hint: "open the link the office sent you, or send it as 'Authorization: Bearer TOKEN'")
        error.pageHint = "open the personal link the office sent you; if you cannot find it, ask the office for a new one"
        return error
    }()
    static let crossSite = IntakeError(
        .forbidden, "this request did not come from the intake's own page", hint: "reload the page and try again")
    static func tooLarge(_ limit: Int) -> IntakeError {
        IntakeError(
            .contentTooLarge, "the note is larger than \(limit / (1024 * 1024)) MiB",
            hint: "a note is text: split it, or remove pictures pasted into it")
    }
}
