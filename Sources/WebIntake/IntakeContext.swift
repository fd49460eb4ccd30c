public import ForumWorkspace
public import Hummingbird
import SummaryCompiler

/// The request context of the intake: Hummingbird's core storage and the
/// person the request is signed in as, once `Authenticated` has found them.
public struct IntakeContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in person; nil before authentication.
    public var person: Invitation?
    /// Whether the person came by the session cookie (then unsafe requests
    /// need the same origin and the CSRF token) rather than a bearer token.
    public var byCookie = false
    /// The token the request was authenticated with, from which the CSRF token is derived.
    var token: String?

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// A request body is at most one note (`NoteParser.maximumBytes`), with
    /// room for a form's other fields around it.
    public var maxUploadSize: Int { NoteParser.maximumBytes + Self.formAllowance }

    static let formAllowance = 64 * 1024
}
