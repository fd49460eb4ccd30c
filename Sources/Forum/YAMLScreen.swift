internal import CYaml
import Diagnostics

/// A pass over libyaml's events that refuses, before anything is composed,
/// what imrf's YAML files never need and an attacker can use:
///
/// - anchors and aliases (`&a`, `*a`): Yams composes an alias as the node
///   it names, so nine aliases nested ten deep make a tree of 9^10 nodes
///   that any walk (or Yams' own duplicate-key check, when an alias is a
///   key) takes hours over;
/// - more than `YAMLSource.maximumNodes` nodes, so every walk of the tree
///   is bounded;
/// - unsafe characters (`UntrustedText.isUnsafe`) in keys and values, which
///   would reach terminals and the ledger.
///
/// libyaml's events are exact: `Q&A` or `5 * 3` inside a scalar is text,
/// not an anchor or an alias. A syntax error ends the pass; composing then
/// reports it.
struct YAMLScreen {
    let source: YAMLSource

    /// Where a container is in the document, and what its next node is.
    private struct Frame {
        var path: [String]
        var isMapping: Bool
        var expectingKey = true
        var key = "?"
        var index = 0
    }

    /// The first problem found, in document order.
    func problem() -> Diagnostic? {
        var text = source.text
        return text.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var stack: [Frame] = []
            var nodes = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let at = source.location(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                let anchor: UnsafeMutablePointer<yaml_char_t>?
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT: anchor = event.data.scalar.anchor
                case YAML_SEQUENCE_START_EVENT: anchor = event.data.sequence_start.anchor
                case YAML_MAPPING_START_EVENT: anchor = event.data.mapping_start.anchor
                case YAML_ALIAS_EVENT:
                    return .error(
                        "YAML alias '*\(Self.string(event.data.alias.anchor))' is not accepted", at: at,
                        hint: "write the value out in full; if the '*' is part of the text, put the value in quotes")
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    stack.removeLast()
                    Self.completed(&stack, key: nil)
                    continue
                default:
                    continue
                }
                if let anchor {
                    return .error(
                        "YAML anchor '&\(Self.string(anchor))' is not accepted", at: at,
                        hint: "imrf's files need no anchors or aliases: remove it; if the '&' is part of the text, put the value in quotes")
                }
                nodes += 1
                if nodes > YAMLSource.maximumNodes {
                    return .error(
                        "more than \(YAMLSource.maximumNodesText) YAML values (keys, list items and values)", at: at,
                        hint: "this file holds a few dozen values: remove what was pasted or generated into it")
                }
                // The node's own path (a key has none of its own).
                let isKey = stack.last.map { $0.isMapping && $0.expectingKey } ?? false
                let path: [String]
                if let parent = stack.last {
                    path = parent.path + (isKey ? [] : [parent.isMapping ? parent.key : "[\(parent.index)]"])
                } else {
                    path = []
                }
                if event.type == YAML_SCALAR_EVENT {
                    let value = String(decoding: UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length), as: UTF8.self)
                    if let unsafe = UntrustedText.firstUnsafe(in: value) {
                        let what = isKey ? "a key" : path.isEmpty ? "the document" : "the value of '\(YAMLTree.name(path))'"
                        return .error(
                            "\(what) contains \(UntrustedText.name(of: unsafe)), a character that is not text", at: at,
                            hint: "remove it (retype the value if it was pasted): a value is plain text on one line")
                    }
                    Self.completed(&stack, key: value)
                } else {
                    stack.append(Frame(path: path, isMapping: event.type == YAML_MAPPING_START_EVENT))
                }
            }
        }
    }

    /// Moves the container on past a node that ended: after a key its value
    /// comes, after a value the next key, after an item the next item.
    private static func completed(_ stack: inout [Frame], key: String?) {
        guard var top = stack.popLast() else { return }
        if top.isMapping {
            if top.expectingKey { top.key = key ?? "?" }
            top.expectingKey.toggle()
        } else {
            top.index += 1
        }
        stack.append(top)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
