public import Foundation

/// `imrf invite --json` and `POST /api/invitations`: the new invitation and
/// its link, `expires` null when none. The only answer that holds a token.
public struct CreatedInvitationDocument: Encodable, Sendable {
    public var invitation: Invitation
    public var url: String

    public init(_ invitation: Invitation, url: String) {
        self.invitation = invitation
        self.url = url
    }

    enum CodingKeys: String, CodingKey { case id, url, name, sessions, email, role, expires }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(invitation.id, forKey: .id)
        try container.encode(url, forKey: .url)
        try container.encode(invitation.name, forKey: .name)
        try container.encode(invitation.sessions, forKey: .sessions)
        try container.encodeIfPresent(invitation.email, forKey: .email)
        try container.encode(invitation.role, forKey: .role)
        try container.encode(invitation.expires, forKey: .expires)
    }
}

/// One invitation of `imrf invite --list --json`, `--revoke --json` and
/// `GET /api/invitations`: never a token.
public struct ListedInvitationDocument: Encodable, Sendable {
    public var id: String
    public var name: String
    public var sessions: [String]
    public var email: String?
    public var role: InvitationRole
    public var expires: Date?
    public var created: Date
    public var revoked: Date?
    public var lastSignIn: Date?
    /// `active`, `expired` or `revoked`.
    public var state: String

    public init(_ invitation: Invitation, now: Date) {
        id = invitation.id
        name = invitation.name
        sessions = invitation.sessions
        email = invitation.email
        role = invitation.role
        expires = invitation.expires
        created = invitation.created
        revoked = invitation.revoked
        lastSignIn = invitation.lastSignIn
        state = invitation.state(at: now)
    }
}
