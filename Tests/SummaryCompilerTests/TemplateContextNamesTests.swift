import Forum
import Foundation
import Mustache
import Testing

@testable import SummaryCompiler

/// Each typed Mustache context spells its names twice: in `names` (which
/// `TemplateContext.dictionary`, and so the dictionary transforms, are built
/// from) and in `child(named:)` (what a template finds). They must agree.
@Suite struct TemplateContextNamesTests {
    /// Every context of the example summary, in both text formats, on a
    /// forum whose round table has co-chairs and a keynote (the parts of a
    /// section some sessions lack).
    static func contexts() throws -> [any TemplateContext] {
        var forum = Edition.second.forum
        forum.roundTables[0].coChairs = ["Atlantis", "Ruritania"]
        forum.roundTables[0].keynote = "A keynote speaker"
        let summary = try Summary(SummaryTests.exampleWorkspace(forum))
        var contexts: [any TemplateContext] = []
        for format in Summary.Format.textFormats {
            let context = summary.context(for: format)
            contexts.append(context)
            for section in context.sections {
                contexts.append(section)
                contexts += section.notes as [any TemplateContext]
                contexts += (section.roundTable?.objectives ?? []) as [any TemplateContext]
            }
            contexts += context.annex as [any TemplateContext]
            contexts += context.annex.flatMap { $0.addressedIn ?? [] } as [any TemplateContext]
            contexts += context.footnotes as [any TemplateContext]
        }
        contexts.append(LetterContext(title: "T", edition: "2026", place: "P", dates: "D", date: "1 June 2026", president: "A President"))
        contexts.append(
            MastheadContext(
                Summary.Masthead(
                    symbol: "A/80/1", distribution: "General", date: "1 June 2026", originalLanguage: "English", session: "Eightieth session",
                    agendaItem: "16")))
        return contexts
    }

    /// Names a context might wrongly answer: every context's names, every
    /// name the shipped templates use, and the stored properties of the
    /// contexts and their parts.
    static func candidates(_ contexts: [any TemplateContext]) -> Set<String> {
        var names: Set<String> = ["", ".", "missing"]
        func addLabels(of value: Any, depth: Int) {
            guard depth > 0 else { return }
            for child in Mirror(reflecting: value).children {
                if let label = child.label { names.insert(label) }
                addLabels(of: child.value, depth: depth - 1)
            }
        }
        for context in contexts {
            names.formUnion(type(of: context).names)
            addLabels(of: context, depth: 3)  // through an optional part (`some`) to its fields
        }
        let tag = /\{\{\{?[#^\/&]?\s*([A-Za-z][A-Za-z0-9_]*)/
        for text in BuiltInTemplates.all.values {
            names.formUnion(text.matches(of: tag).map { String($0.output.1) })
        }
        return names
    }

    @Test func namesAreExactlyWhatChildNamedAnswers() throws {
        let contexts = try Self.contexts()
        let candidates = Self.candidates(contexts)
        var answered: [ObjectIdentifier: Set<String>] = [:]
        var names: [ObjectIdentifier: (type: String, names: [String])] = [:]
        for context in contexts {
            let type = type(of: context)
            let key = ObjectIdentifier(type)
            names[key] = ("\(type)", type.names)
            answered[key, default: []].formUnion(candidates.filter { context.child(named: $0) != nil })
        }
        #expect(
            Set(names.values.map(\.type)) == [
                "SummaryContext", "SectionContext", "NoteContext", "ObjectiveContext", "FootnoteContext", "AddressingNoteContext",
                "LetterContext", "MastheadContext",
            ])
        for (key, (type, declared)) in names {
            #expect(Set(declared).count == declared.count, "\(type).names repeats a name")
            #expect(answered[key] == Set(declared), "\(type): names and child(named:) differ")
        }
    }

    /// Every name the shipped templates use is answered by some context
    /// (a misspelled one would render as nothing).
    @Test func everyNameTheTemplatesUseIsAnswered() throws {
        let contexts = try Self.contexts()
        let declared = Set(contexts.flatMap { type(of: $0).names })
        // A name followed by `()` is swift-mustache's own (`last()` in a list), not a context's.
        let tag = /\{\{\{?[#^\/&]?\s*([A-Za-z][A-Za-z0-9_]*)(?![A-Za-z0-9_(])/
        for (name, text) in BuiltInTemplates.all {
            let used = Set(text.matches(of: tag).map { String($0.output.1) })
            #expect(used.subtracting(declared).isEmpty, "\(name)")
        }
    }
}
