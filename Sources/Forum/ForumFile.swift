import Diagnostics
import Yams

/// forum.yaml as written: typed fields, dates as strings (a YAML date would
/// become midnight UTC, the day before in New York).
struct ForumFile {
    struct Days {
        var start: String
        var end: String
        var opening: String?
    }
    struct RoundTableEntry {
        var number: Int
        var date: String
        var time: String?
        var objectives: [Int]
        var coChairs: [String]?
        var keynote: String?
    }
    struct PolicyDebateEntry {
        var date: String
        var time: String?
        var facilitator: String
    }
    struct Sessions {
        var roundTables: [RoundTableEntry]
        var policyDebate: PolicyDebateEntry
        var plenary: [String]
    }
    struct Distribution { var workingDays: Int }
    struct DeliverableEntry {
        var id: String
        var title: String
        var due: String
    }

    var edition: String
    var title: String
    var place: String
    var timeZone: String
    var calendar: String
    /// More calendars joined with `calendar` (a day off in any is a day off).
    var calendars: [String]?
    var hearing: String
    var forum: Days
    var sessions: Sessions
    var distribution: Distribution
    var deliverables: [DeliverableEntry]?
    var reminders: RemindersEntry?
    /// `document.wordLimit`.
    var wordLimit: Int?
    /// `document.numberParagraphs`.
    var numberParagraphs: Bool?
    /// `document.referenceDocx`.
    var referenceDocx: String?
    /// `document.form`, `president`, `symbol`, `distribution`, `date`,
    /// `originalLanguage`, `session`, `agendaItem` as written.
    var documentText: [String: String] = [:]
    /// Keys of `documentText`, which `ForumFileCheck.documentForm` reads.
    static let documentTextKeys = ["form", "president", "symbol", "distribution", "date", "originalLanguage", "session", "agendaItem"]
}

extension ForumFile {
    struct RemindersEntry {
        var smtp: String
        var from: String
        var replyTo: String?
        var office: String
        var stages: [Int]?
        var credentialsFile: String?
        var submitURL: String?
    }
}

extension ForumFile {
    /// Reads forum.yaml's tree by hand (see `YAMLTree` for why not `Codable`).
    init(_ root: Node, tree: YAMLTree) throws(DiagnosticFailure) {
        let top = try tree.mapping(root, [])
        edition = try tree.string("edition", in: top, [])
        title = try tree.string("title", in: top, [])
        place = try tree.string("place", in: top, [])
        timeZone = try tree.string("timeZone", in: top, [])
        calendar = try tree.string("calendar", in: top, [])
        calendars = try tree.optionalList("calendars", in: top, [])?.map { (node, path) throws(DiagnosticFailure) in try tree.string(node, path) }
        hearing = try tree.string("hearing", in: top, [])
        let days = try tree.mapping("forum", in: top, [])
        forum = Days(
            start: try tree.string("start", in: days, ["forum"]),
            end: try tree.string("end", in: days, ["forum"]),
            opening: try tree.optionalString("opening", in: days, ["forum"]))
        let sessionsNode = try tree.mapping("sessions", in: top, [])
        var roundTables: [RoundTableEntry] = []
        for (node, path) in try tree.list("roundTables", in: sessionsNode, ["sessions"]) {
            let table = try tree.mapping(node, path)
            roundTables.append(
                RoundTableEntry(
                    number: try tree.int("number", in: table, path),
                    date: try tree.string("date", in: table, path),
                    time: try tree.optionalString("time", in: table, path),
                    objectives: try tree.list("objectives", in: table, path).map { (node, path) throws(DiagnosticFailure) in try tree.int(node, path)
                    },
                    coChairs: try tree.optionalList("coChairs", in: table, path)?.map { (node, path) throws(DiagnosticFailure) in
                        try tree.string(node, path)
                    },
                    keynote: try tree.optionalString("keynote", in: table, path)))
        }
        let debate = try tree.mapping("policyDebate", in: sessionsNode, ["sessions"])
        let debatePath = ["sessions", "policyDebate"]
        sessions = Sessions(
            roundTables: roundTables,
            policyDebate: PolicyDebateEntry(
                date: try tree.string("date", in: debate, debatePath),
                time: try tree.optionalString("time", in: debate, debatePath),
                facilitator: try tree.string("facilitator", in: debate, debatePath)),
            plenary: try tree.list("plenary", in: sessionsNode, ["sessions"]).map { (node, path) throws(DiagnosticFailure) in
                try tree.string(node, path)
            })
        let distributionNode = try tree.mapping("distribution", in: top, [])
        distribution = Distribution(workingDays: try tree.int("workingDays", in: distributionNode, ["distribution"]))
        deliverables = try tree.optionalList("deliverables", in: top, [])?.map { (node, path) throws(DiagnosticFailure) in
            let entry = try tree.mapping(node, path)
            return DeliverableEntry(
                id: try tree.string("id", in: entry, path),
                title: try tree.string("title", in: entry, path),
                due: try tree.string("due", in: entry, path))
        }
        if let node = tree.optional("document", in: top) {
            let entry = try tree.mapping(node, ["document"])
            if let limit = tree.optional("wordLimit", in: entry) { wordLimit = try tree.int(limit, ["document", "wordLimit"]) }
            referenceDocx = try tree.optionalString("referenceDocx", in: entry, ["document"])
            if let number = tree.optional("numberParagraphs", in: entry) {
                numberParagraphs = try tree.bool(number, ["document", "numberParagraphs"])
            }
            for key in Self.documentTextKeys {
                if let value = try tree.optionalString(key, in: entry, ["document"]) { documentText[key] = value }
            }
        }
        if let node = tree.optional("reminders", in: top) {
            let entry = try tree.mapping(node, ["reminders"])
            let path = ["reminders"]
            reminders = RemindersEntry(
                smtp: try tree.string("smtp", in: entry, path),
                from: try tree.string("from", in: entry, path),
                replyTo: try tree.optionalString("replyTo", in: entry, path),
                office: try tree.string("office", in: entry, path),
                stages: try tree.optionalList("stages", in: entry, path)?.map { (node, path) throws(DiagnosticFailure) in try tree.int(node, path) },
                credentialsFile: try tree.optionalString("credentialsFile", in: entry, path),
                submitURL: try tree.optionalString("submitURL", in: entry, path))
        }
    }
}
