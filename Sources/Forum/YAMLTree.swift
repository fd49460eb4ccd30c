import Diagnostics
import Yams

/// Reads values out of a composed YAML tree by hand, with the messages of
/// `YAMLSource.decode` (`missing key 'forum.start'`, `invalid value for
/// 'distribution.workingDays': expected an integer`) at the same places.
///
/// A path is the keys from the root, with `[i]` for the i-th element of a
/// list (`YAMLTree.element`).
///
/// Why not `YAMLDecoder`: its generic decoding asks the Swift runtime, for
/// every type it meets, whether it conforms to Yams' protocols, and each
/// first answer is a scan of every conformance in the process (Foundation
/// has tens of thousands). `imrf status` runs as a whole process from cron
/// and reads forum.yaml at every start, where those scans would dominate
/// (Benchmarks/status.sh measures the start-up).
struct YAMLTree {
    let source: YAMLSource

    /// `sessions.roundTables[0].number`, as `YAMLSource` spells key paths.
    static func name(_ path: [String]) -> String {
        path.reduce("") { text, key in
            key.hasPrefix("[") ? text + key : (text.isEmpty ? key : text + "." + key)
        }
    }

    /// The path component of a list's element: `[2]`.
    static func element(_ index: Int) -> String { "[\(index)]" }

    /// The node at `path` below `root`, nil when there is none: what a
    /// message about the value at `path` points at.
    func node(at path: [String], in root: Node) -> Node? {
        var current = root
        for key in path {
            if key.hasPrefix("["), let index = Int(key.dropFirst().dropLast()), let sequence = current.sequence {
                guard sequence.indices.contains(index) else { return nil }
                current = sequence[index]
            } else if let value = value(key, in: current) {
                current = value
            } else {
                return nil
            }
        }
        return current
    }

    /// The value of the last `key` in the mapping `node`, null or not (a
    /// repeated key's last value is the one that counts, as in Yams).
    private func value(_ key: String, in node: Node) -> Node? {
        guard let mapping = node.mapping else { return nil }
        return mapping.reversed().first { $0.key.scalar?.string == key }?.value
    }

    private func mismatch(_ path: [String], _ expected: String, _ node: Node) -> DiagnosticFailure {
        DiagnosticFailure(.badInput, .error("invalid value for '\(YAMLTree.name(path))': expected \(expected)", at: source.location(node.mark)))
    }

    static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The value of `key` in the mapping `node`; nil when it is absent or null.
    func optional(_ key: String, in node: Node) -> Node? {
        guard let value = value(key, in: node), !YAMLTree.isNull(value) else { return nil }
        return value
    }

    /// The value of `key` in the mapping `node` at `path`, or a missing-key error.
    func required(_ key: String, in node: Node, _ path: [String]) throws(DiagnosticFailure) -> Node {
        guard let value = optional(key, in: node) else {
            throw DiagnosticFailure(.badInput, .error("missing key '\(YAMLTree.name(path + [key]))'", at: source.location(node.mark)))
        }
        return value
    }

    func mapping(_ node: Node, _ path: [String]) throws(DiagnosticFailure) -> Node {
        guard node.mapping != nil else { throw mismatch(path, "a mapping", node) }
        return node
    }

    func list(_ node: Node, _ path: [String]) throws(DiagnosticFailure) -> [Node] {
        guard let sequence = node.sequence else { throw mismatch(path, "a list", node) }
        return Array(sequence)
    }

    func string(_ node: Node, _ path: [String]) throws(DiagnosticFailure) -> String {
        guard let scalar = node.scalar else { throw mismatch(path, "a string", node) }
        return scalar.string
    }

    func int(_ node: Node, _ path: [String]) throws(DiagnosticFailure) -> Int {
        guard let scalar = node.scalar,
            let value = Int(scalar.string.replacingOccurrences(of: "_", with: "").trimmingPrefix("+"))
        else { throw mismatch(path, "an integer", node) }
        return value
    }

    /// `true` or `false` (YAML 1.2's core booleans, in any case).
    func bool(_ node: Node, _ path: [String]) throws(DiagnosticFailure) -> Bool {
        guard let scalar = node.scalar else { throw mismatch(path, "true or false", node) }
        switch scalar.string.lowercased() {
        case "true": return true
        case "false": return false
        default: throw mismatch(path, "true or false", node)
        }
    }

    // Shorthands for a key of a mapping.
    func string(_ key: String, in node: Node, _ path: [String]) throws(DiagnosticFailure) -> String {
        try string(try required(key, in: node, path), path + [key])
    }

    func optionalString(_ key: String, in node: Node, _ path: [String]) throws(DiagnosticFailure) -> String? {
        guard let value = optional(key, in: node) else { return nil }
        return try string(value, path + [key])
    }

    func int(_ key: String, in node: Node, _ path: [String]) throws(DiagnosticFailure) -> Int {
        try int(try required(key, in: node, path), path + [key])
    }

    func mapping(_ key: String, in node: Node, _ path: [String]) throws(DiagnosticFailure) -> Node {
        try mapping(try required(key, in: node, path), path + [key])
    }

    /// Each element of the list at `key`, with its path (`key[i]`).
    func list(_ key: String, in node: Node, _ path: [String]) throws(DiagnosticFailure) -> [(node: Node, path: [String])] {
        try list(try required(key, in: node, path), path + [key]).enumerated().map { (index, element) in
            (element, path + [key, YAMLTree.element(index)])
        }
    }

    func optionalList(_ key: String, in node: Node, _ path: [String]) throws(DiagnosticFailure) -> [(node: Node, path: [String])]? {
        guard optional(key, in: node) != nil else { return nil }
        return try list(key, in: node, path)
    }
}
