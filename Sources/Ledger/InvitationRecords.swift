/// A personal link to the web intake, issued by `imrf invite`. The token
/// itself is never stored: only its SHA-256, which is all the server needs
/// to recognise it.
public struct InvitationRecord: Sendable, Hashable, Codable {
    /// Short and random (`7f3a9c01`): what `imrf invite --list` shows and
    /// `imrf invite --revoke` takes.
    public var id: String
    /// The person, as their notes' `author` must name them.
    public var name: String
    /// The sessions they may see and submit for (`round-table-2`, ...).
    public var sessions: [String]
    public var email: String?
    /// `rapporteur` or `office`.
    public var role: String
    /// When the link stops working: an ISO 8601 instant, UTC; nil: never.
    public var expires: String?
    /// SHA-256 of the token, lowercase hex.
    public var tokenSHA256: String
    /// Who issued it, when known (the office's person on the web).
    public var by: String?

    public init(
        id: String, name: String, sessions: [String], email: String?, role: String, expires: String?, tokenSHA256: String, by: String? = nil
    ) {
        self.id = id
        self.name = name
        self.sessions = sessions
        self.email = email
        self.role = role
        self.expires = expires
        self.tokenSHA256 = tokenSHA256
        self.by = by
    }
}

/// An invitation withdrawn (`imrf invite --revoke ID`): its link stops working.
public struct RevocationRecord: Sendable, Hashable, Codable {
    /// The invitation's id.
    public var invitation: String
    /// Who revoked it, when known (the office's person on the web).
    public var by: String?

    public init(invitation: String, by: String? = nil) {
        self.invitation = invitation
        self.by = by
    }
}

/// Someone signed in to the web intake with their personal link.
public struct SignInRecord: Sendable, Hashable, Codable {
    /// The invitation's id.
    public var invitation: String
    public var name: String
    /// How: `link`, the personal link opened (the only method recorded
    /// today; a bearer request is authenticated on its own and not recorded).
    public var method: String

    public init(invitation: String, name: String, method: String) {
        self.invitation = invitation
        self.name = name
        self.method = method
    }
}
