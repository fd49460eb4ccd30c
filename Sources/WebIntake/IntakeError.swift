public import HTTPTypes

/// A refusal the intake answers with: the status, and what the person
/// reads (JSON `{"error", "hint"}` for the API, an escaped page otherwise).
/// Never a stack trace, a path of the server or a token.
public struct IntakeError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var message: String
    public var hint: String?
    /// Extra headers (`Retry-After`).
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ message: String, hint: String? = nil) {
        self.status = status
        self.message = message
        self.hint = hint
    }

    static let notSignedIn = IntakeError(
        .unauthorized, "sign in with your personal link", hint: "open the link the office sent you, or send it as 'Authorization: Bearer TOKEN'")
    static let crossSite = IntakeError(
        .forbidden, "this request did not come from the intake's own page", hint: "reload the page and try again")
    static func tooLarge(_ limit: Int) -> IntakeError {
        IntakeError(
            .contentTooLarge, "the note is larger than \(limit / (1024 * 1024)) MiB",
            hint: "a note is text: split it, or remove pictures pasted into it")
    }
}
