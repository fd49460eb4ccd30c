import Diagnostics
import Mustache
import Storage

/// The partials (`{{>name}}`) and inherited blocks (`{{<parent}}{{$block}}`)
/// of a templates folder, checked before anything is rendered:
/// swift-mustache renders each by recursion with no depth limit, so a
/// template that includes itself, directly or through others, or a block
/// whose override expands that block again, overflows the stack. Such a
/// cycle is refused even where a section would stop it on the data: the
/// summary's data is never recursive. A partial named by a value
/// (`{{>*name}}`) is refused: what it includes depends on the data.
///
/// swift-mustache keeps a template's parsed tags internal; they are read
/// through `Mirror`, once per compile from a folder (the built-in templates
/// include nothing). `HostileTemplateTests` fail if a new swift-mustache
/// stops showing them.
enum TemplateInclusion {
    /// A node of the inclusion graph: a template by name, or every override
    /// of a block by the block's name (over-counting, never missing, a cycle).
    private enum Node: Hashable {
        case template(String)
        case block(String)

        var name: String {
            switch self {
            case .template(let name), .block(let name): name
            }
        }
    }

    /// The first problem found, as a diagnostic at the template's line;
    /// nil when the templates include nothing in a cycle.
    /// - Parameter folder: the templates folder, as the user gave it.
    static func problem(in library: MustacheLibrary, folder: String) -> Diagnostic? {
        guard let templates = Mirror(reflecting: library).descendant("templates") as? [String: MustacheTemplate] else { return nil }
        var walk = Walk()
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
            walk.collect(template, from: .template(name), in: name)
        }
        let edges = walk.edges
        func location(_ template: String, tag: String) -> SourceLocation {
            let text = templates[template]?.description ?? ""
            return SourceLocation(path: WorkspaceLayout.join(folder, template + ".mustache"), line: line(of: tag, in: text), column: 1)
        }
        if let dynamic = walk.dynamic {
            return .error(
                "template '\(dynamic.template)' includes a template named by the value '\(dynamic.name)'",
                at: location(dynamic.template, tag: dynamic.name),
                hint: "name the template itself: {{>name}}, not {{>*name}}"
            )
        }
        guard let cycle = firstCycle(edges, from: templates.keys.sorted().map(Node.template)) else { return nil }
        let path = cycle.map(\.name).joined(separator: " -> ")
        let first = cycle[0]
        let next = cycle[1]
        switch first {
        case .template(let name):
            return .error(
                "template '\(name)' includes itself (\(path))", at: location(name, tag: next.name),
                hint: "remove the {{>\(next.name)}} that leads back to '\(name)'"
            )
        case .block(let name):
            return .error(
                "block '\(name)' includes itself (\(path))", at: location(walk.overridden[name] ?? "", tag: name),
                hint: "an override of {{$\(name)}} must not contain {{$\(name)}} again"
            )
        }
    }

    /// The graph as the templates' tags are walked.
    private struct Walk {
        var edges: [Node: [Node]] = [:]
        /// The first partial named by a value: the template and the name.
        var dynamic: (template: String, name: String)?
        /// The template that first overrides each block.
        var overridden: [String: String] = [:]

        /// Adds the edges from `owner` to what `template`'s tags include,
        /// sections and default block contents included (they render as
        /// part of it), and from each block override (in the template
        /// `file`) to what it includes.
        mutating func collect(_ template: MustacheTemplate, from owner: Node, in file: String) {
            guard let tokens = Mirror(reflecting: template).descendant("tokens") as? [Any] else { return }
            for token in tokens {
                guard let tag = Mirror(reflecting: token).children.first, let kind = tag.label else { continue }
                let values = Mirror(reflecting: tag.value).children.map(\.value)
                let name = (values.first as? String) ?? (tag.value as? String) ?? ""
                switch kind {
                case "partial": edges[owner, default: []].append(.template(name))
                case "dynamicNamePartial": if dynamic == nil { dynamic = (file, name) }
                case "blockExpansion": edges[owner, default: []].append(.block(name))
                default: break
                }
                for value in values {
                    if let inner = value as? MustacheTemplate {
                        // A block definition's content is an override of that block.
                        if kind == "blockDefinition" { overridden[name] = overridden[name] ?? file }
                        collect(inner, from: kind == "blockDefinition" ? .block(name) : owner, in: file)
                    } else if let overrides = value as? [String: MustacheTemplate] {
                        for (block, inner) in overrides.sorted(by: { $0.key < $1.key }) {
                            overridden[block] = overridden[block] ?? file
                            collect(inner, from: .block(block), in: file)
                        }
                    }
                }
            }
        }
    }

    /// The nodes of the first cycle reachable from `starts`, the first node
    /// repeated at the end; found by a depth-first walk with an explicit
    /// stack (the graph of an office's templates is small, but hostile).
    private static func firstCycle(_ edges: [Node: [Node]], from starts: [Node]) -> [Node]? {
        var finished: Set<Node> = []
        for start in starts where !finished.contains(start) {
            var path: [Node] = [start]
            var onPath: Set<Node> = [start]
            var nextEdge: [Int] = [0]
            while let node = path.last {
                let successors = edges[node] ?? []
                let index = nextEdge[nextEdge.count - 1]
                guard index < successors.count else {
                    finished.insert(node)
                    onPath.remove(node)
                    path.removeLast()
                    nextEdge.removeLast()
                    continue
                }
                nextEdge[nextEdge.count - 1] += 1
                let successor = successors[index]
                if onPath.contains(successor) {
                    return Array(path[path.firstIndex(of: successor)!...]) + [successor]
                }
                guard !finished.contains(successor) else { continue }
                path.append(successor)
                onPath.insert(successor)
                nextEdge.append(0)
            }
        }
        return nil
    }

    /// The 1-based line of the first tag in `text` that names `name` after
    /// `>`, `<` or `$` (a `*` and spaces allowed); 1 when none is found
    /// (delimiters changed with `{{=...=}}`).
    private static func line(of name: String, in text: String) -> Int {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let marker = rest.firstIndex(where: { $0 == ">" || $0 == "<" || $0 == "$" }) {
                rest = rest[rest.index(after: marker)...]
                if rest.drop(while: { $0 == "*" || $0 == " " || $0 == "\t" }).hasPrefix(name) { return index + 1 }
            }
        }
        return 1
    }
}
