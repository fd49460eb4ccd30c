public import Diagnostics
public import Forum
public import Foundation
public import Ledger
import Storage

/// Who an invitation lets in: a rapporteur sees and submits for their own
/// sessions; the office sees every session.
public enum InvitationRole: String, Sendable, Hashable, Codable, CaseIterable {
    case rapporteur
    case office
}

/// A personal link to the web intake as the ledger knows it: never the
/// token, which exists only in the link handed to the person.
public struct Invitation: Sendable, Hashable, Codable {
    public var id: String
    /// The person, as the `author` of their notes must name them.
    public var name: String
    /// The sessions they may see and submit for (an office invitation: every session).
    public var sessions: [String]
    public var email: String?
    public var role: InvitationRole
    /// When the link stops working; nil: never.
    public var expires: Date?
    /// When it was issued.
    public var created: Date
    /// When it was revoked; nil while it stands.
    public var revoked: Date?
    /// The ledger entry that records it.
    public var ledgerEntry: Int64
    /// When the person last signed in with the link; nil: never (as far as
    /// the invitations were read with their sign-ins: `Invitations.list`).
    public var lastSignIn: Date? = nil

    /// Whether the person may see and submit notes for `session`.
    public func mayAccess(session: String) -> Bool {
        role == .office || sessions.contains(session)
    }

    /// The sessions the person may see, in the forum's order.
    public var visibleSessions: [Session] {
        Session.allCases.filter { mayAccess(session: $0.rawValue) }
    }

    /// `active`, `expired` or `revoked` at `now`.
    public func state(at now: Date) -> String {
        if revoked != nil { return "revoked" }
        if let expires, expires <= now { return "expired" }
        return "active"
    }
}

/// An invitation just created, with its token: the only time the token
/// exists outside the person's link.
public struct IssuedInvitation: Sendable {
    public var invitation: Invitation
    /// At least 128 random bits (256 here), base64url without padding.
    public var token: String

    /// The personal link: `BASE/i/TOKEN`.
    public func url(base: String) -> String {
        Invitations.trimmedBase(base) + "/i/" + token
    }
}

/// Why a presented token does not sign anyone in. The wording is the
/// person's to read: it says what to do, never whose link it was.
public enum SignInRefusal: Error, Sendable, Hashable {
    /// No invitation has this token (or it is not a token at all).
    case unknown
    case expired(Date)
    case revoked(Date)

    public var message: String {
        switch self {
        case .unknown: "this link is not valid"
        case .expired: "this link has expired"
        case .revoked: "this link has been withdrawn"
        }
    }

    public var hint: String {
        switch self {
        case .unknown: "check that the whole link was copied, or ask the office for a new one"
        case .expired, .revoked: "ask the office for a new link"
        }
    }
}

/// The invitations of a workspace: created by `imrf invite`, kept in the
/// ledger (the token's SHA-256, never the token), checked by the web intake.
///
/// Guarantees:
/// - a token is 32 bytes from `SystemRandomNumberGenerator`, shown once;
/// - `authenticate` compares the presented token's SHA-256 with every
///   invitation's in constant time (no early exit on the first differing
///   byte, nor on the first match);
/// - a revoked or expired invitation never signs anyone in.
public struct Invitations: Sendable {
    /// The workspace folder as the user gave it.
    public var workspace: String

    public init(workspace: String) {
        self.workspace = workspace
    }

    /// The ledger kinds invitations are made of.
    static let kinds = ["invitation", "revocation"]

    /// Characters of a token: 32 bytes in base64url, without padding.
    public static let tokenLength = 43

    /// Creates an invitation and records it.
    /// - Parameter sessions: session names (`round-table-2`); required for a
    ///   rapporteur, ignored (every session) for the office.
    public func create(
        name: String, sessions: [String], email: String? = nil, role: InvitationRole = .rapporteur, expires: Date? = nil,
        at now: Date = Date(), by issuer: String? = nil
    ) throws(DiagnosticFailure) -> IssuedInvitation {
        // The forum must be there: an invitation to a folder that is no workspace is a mistake.
        _ = try Forum.load(contentsOf: WorkspaceLayout(workspace).forumFile)
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [Diagnostic] = []
        if name.isEmpty {
            problems.append(.error("an invitation needs the person's name", hint: "give it as their notes' 'author' will name them"))
        } else if let bad = UntrustedText.firstUnsafe(in: name) {
            problems.append(.error("the name contains \(UntrustedText.name(of: bad)), which a name cannot hold"))
        }
        var chosen: [String] = []
        if role == .rapporteur {
            if sessions.isEmpty {
                problems.append(
                    .error(
                        "a rapporteur's invitation needs at least one session",
                        hint: "name it as a note's 'session:' does: " + Session.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            for session in sessions {
                guard Session(rawValue: session) != nil else {
                    problems.append(
                        .error(
                            "unknown session '\(UntrustedText.escaped(session))'",
                            hint: "the sessions are " + Session.allCases.map(\.rawValue).joined(separator: ", ")))
                    continue
                }
                if !chosen.contains(session) { chosen.append(session) }
            }
        }
        if let email {
            let plain = !email.isEmpty && email.count <= 254 && email.contains("@") && UntrustedText.firstUnsafe(in: email) == nil
            if !plain || email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) {
                problems.append(.error("'\(UntrustedText.escaped(email))' is not an e-mail address"))
            }
        }
        if let expires, expires <= now {
            problems.append(.error("the expiry \(expires.formatted(.iso8601)) is already past"))
        }
        guard problems.isEmpty else { throw DiagnosticFailure(.badInput, problems) }

        let token = Self.newToken()
        let digest = SHA256.hex(of: Array(token.utf8))
        let ledger = try Self.opened(workspace)
        do {
            return try ledger.transaction { transaction in
                let taken = Set(
                    try transaction.entries(ofKind: "invitation").compactMap { entry -> String? in
                        if case .invitation(let record) = entry.event { return record.id }
                        return nil
                    })
                var id = Self.newID()
                while taken.contains(id) { id = Self.newID() }
                let record = InvitationRecord(
                    id: id, name: name, sessions: chosen, email: email, role: role.rawValue,
                    expires: expires?.formatted(.iso8601), tokenSHA256: digest, by: issuer)
                let entry = try transaction.append(.invitation(record), at: now)
                return IssuedInvitation(
                    invitation: Invitation(
                        id: id, name: name, sessions: chosen, email: email, role: role, expires: expires, created: entry.at,
                        revoked: nil, ledgerEntry: entry.id),
                    token: token)
            }
        } catch {
            throw Self.failure(error)
        }
    }

    /// Every invitation, oldest first, revoked and expired ones included,
    /// each with its last sign-in; none when the workspace has no ledger
    /// yet (nothing is created).
    public func list() throws(DiagnosticFailure) -> [Invitation] {
        do {
            let entries = try Ledger.entriesIfPresent(workspace: WorkspaceLayout(workspace).url, kinds: Self.kinds + ["sign-in"])
            return Self.invitations(entries).map(\.invitation)
        } catch {
            throw Self.failure(error)
        }
    }

    /// Revokes the invitation `id`: its link stops working. Revoking one
    /// already revoked changes nothing.
    @discardableResult
    public func revoke(id: String, at now: Date = Date(), by person: String? = nil) throws(DiagnosticFailure) -> Invitation {
        let ledger = try Self.opened(workspace)
        var refusal: DiagnosticFailure?
        do {
            return try ledger.transaction { transaction in
                let found = Self.invitations(try transaction.entries(ofKinds: Self.kinds))
                guard var invitation = found.first(where: { $0.invitation.id == id })?.invitation else {
                    let failure = DiagnosticFailure(
                        .badInput,
                        .error("no invitation has the id '\(UntrustedText.escaped(id))'", hint: "'imrf invite --list' shows the ids"))
                    refusal = failure
                    throw failure
                }
                if invitation.revoked != nil { return invitation }
                let entry = try transaction.append(.revocation(RevocationRecord(invitation: id, by: person)), at: now)
                invitation.revoked = entry.at
                return invitation
            }
        } catch {
            throw refusal ?? Self.failure(error)
        }
    }

    /// The invitation whose token is `token`, if it stands at `now`.
    /// Reads the ledger; creates nothing.
    public func authenticate(token: String, at now: Date = Date()) throws(DiagnosticFailure) -> Result<Invitation, SignInRefusal> {
        try book().authenticate(token: token, at: now)
    }

    /// Every invitation with its token's digest, as the ledger holds them
    /// now: what a server keeps between requests while the ledger does not
    /// change (`LedgerWatch`). Creates nothing.
    public func book() throws(DiagnosticFailure) -> InvitationBook {
        do {
            let entries = try Ledger.entriesIfPresent(workspace: WorkspaceLayout(workspace).url, kinds: Self.kinds)
            return InvitationBook(stored: Self.invitations(entries))
        } catch {
            throw Self.failure(error)
        }
    }

    /// Records that `invitation`'s person signed in (`method`: `link` or `bearer`).
    @discardableResult
    public func recordSignIn(_ invitation: Invitation, method: String, at now: Date = Date()) throws(DiagnosticFailure) -> LedgerEntry {
        do {
            return try Self.opened(workspace).append(
                .signIn(SignInRecord(invitation: invitation.id, name: invitation.name, method: method)), at: now)
        } catch {
            throw Self.failure(error)
        }
    }

    // MARK: - Inside

    /// An invitation with the digest of its token.
    struct Stored: Sendable {
        var invitation: Invitation
        var tokenSHA256: [UInt8]
    }

    /// The invitations of `entries` (invitations, revocations and sign-ins, oldest first).
    static func invitations(_ entries: [LedgerEntry]) -> [Stored] {
        var found: [Stored] = []
        var index: [String: Int] = [:]
        for entry in entries {
            switch entry.event {
            case .invitation(let record):
                let invitation = Invitation(
                    id: record.id, name: record.name, sessions: record.sessions, email: record.email,
                    role: InvitationRole(rawValue: record.role) ?? .rapporteur,
                    // An expiry that does not read is taken as passed: refuse rather than admit.
                    expires: record.expires.map { (try? Date($0, strategy: .iso8601)) ?? .distantPast },
                    created: entry.at, revoked: nil, ledgerEntry: entry.id)
                index[record.id] = found.count
                found.append(Stored(invitation: invitation, tokenSHA256: hexBytes(record.tokenSHA256)))
            case .revocation(let record):
                if let at = index[record.invitation], found[at].invitation.revoked == nil { found[at].invitation.revoked = entry.at }
            case .signIn(let record):
                if let at = index[record.invitation] { found[at].invitation.lastSignIn = entry.at }
            default:
                break
            }
        }
        return found
    }

    /// The invitation of `token` among `stored`, compared in constant time.
    static func match(token: String, among stored: [Stored], at now: Date) -> Result<Invitation, SignInRefusal> {
        // The shape of a token is no secret: anything else is refused at once.
        guard token.utf8.count == tokenLength, token.utf8.allSatisfy(isBase64URL) else { return .failure(.unknown) }
        let presented = SHA256.digest(of: Array(token.utf8)).bytes
        var matched: Invitation?
        for candidate in stored {
            var difference: UInt8 = candidate.tokenSHA256.count == presented.count ? 0 : 1
            for (a, b) in zip(presented, candidate.tokenSHA256) { difference |= a ^ b }
            if difference == 0 { matched = candidate.invitation }
        }
        guard let matched else { return .failure(.unknown) }
        if let revoked = matched.revoked { return .failure(.revoked(revoked)) }
        if let expires = matched.expires, expires <= now { return .failure(.expired(expires)) }
        return .success(matched)
    }

    static func isBase64URL(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default: false
        }
    }

    static func hexBytes(_ hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var high: UInt8?
        for character in hex.utf8 {
            guard let value = UInt8(String(UnicodeScalar(character)), radix: 16) else { return [] }
            if let h = high {
                bytes.append(h << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        return bytes
    }

    /// 32 bytes from the system's generator, base64url without padding.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// 8 hex digits from the system's generator.
    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(format: "%08x", UInt32.random(in: .min ... .max, using: &generator))
    }

    /// `base` without a trailing slash.
    static func trimmedBase(_ base: String) -> String {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }

    static func opened(_ workspace: String) throws(DiagnosticFailure) -> Ledger {
        do {
            return try Ledger(workspace: WorkspaceLayout(workspace).url)
        } catch {
            throw failure(error)
        }
    }

    static func failure(_ error: any Error) -> DiagnosticFailure {
        if let failure = error as? DiagnosticFailure { return failure }
        if let error = error as? any DiagnosticError { return DiagnosticFailure(error.kind, error.diagnostics) }
        return DiagnosticFailure(.software, .error(String(describing: error)))
    }
}

/// The invitations of a ledger as read at one moment, with their tokens'
/// digests (never the tokens).
public struct InvitationBook: Sendable {
    let stored: [Invitations.Stored]

    /// The invitation whose token is `token`, if it stands at `now`;
    /// compared in constant time.
    public func authenticate(token: String, at now: Date = Date()) -> Result<Invitation, SignInRefusal> {
        Invitations.match(token: token, among: stored, at: now)
    }
}
