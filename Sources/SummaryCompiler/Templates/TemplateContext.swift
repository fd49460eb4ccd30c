import Mustache

/// A typed Mustache context: one of the summary's, its sections', notes',
/// footnotes' or objectives'. swift-mustache finds a name through
/// `child(named:)`, a `switch` over the names, instead of hashing it into a
/// `[String: Any]` (and casting that dictionary at every lookup).
///
/// A context behaves as a `[String: Any]` of the same names would:
/// the names it lacks (`nil`) resolve further up, and the dictionary
/// transforms (`count(.)`, `empty(.)`, `enumerated(.)`, `sorted(.)`) apply
/// to `dictionary`, which is built from the same `child(named:)`.
protocol TemplateContext: MustacheParent, MustacheTransformable, CustomStringConvertible {
    /// Every name the context may answer (some only for some values).
    static var names: [String] { get }
}

extension TemplateContext {
    /// The names present, with their values, as the dictionary this context replaces.
    var dictionary: [String: Any] {
        var dictionary: [String: Any] = [:]
        for name in Self.names {
            if let value = child(named: name) { dictionary[name] = value }
        }
        return dictionary
    }

    func transform(_ name: String) -> Any? { dictionary.transform(name) }
    var description: String { String(describing: dictionary) }
}
