import Forum

extension Summary {
    /// The indices of the workspace's notes in document order: session by
    /// session, and in each the order of `noteIndicesBySession`.
    var noteIndicesInOrder: [Int] {
        let bySession = checked.noteIndicesBySession
        return Session.allCases.flatMap { bySession[$0] ?? [] }
    }

    /// Every note rendered for `format`, in document order, on every core.
    ///
    /// Footnotes are numbered across the document, so a note's numbers
    /// depend on the notes before it. Each note's first number is planned
    /// from how many footnotes the notes before it define: cmark-gfm keeps
    /// only the definitions something cites, so that is how many the
    /// renderer numbers, and the notes are rendered at once. A note can
    /// number fewer (a footnote cited only in a picture's alt text, which a
    /// picture shown does not render, or only by a footnote nobody cites);
    /// from the first such note on, the notes are rendered again one after
    /// the other, which is always right.
    func renderedNotes(_ format: BodyRenderer.Format) -> [RenderedNote] {
        let order = noteIndicesInOrder
        let counts = order.map { checked.notes[$0].document.footnotes.count }
        var planned: [(index: Int, firstNumber: Int)] = []
        var next = 1
        for (index, count) in zip(order, counts) {
            planned.append((index, next))
            next += count
        }
        let paragraphs = firstParagraphNumbers
        let rendered = planned.concurrentMap { renderNote($0.index, format, firstNumber: $0.firstNumber, firstParagraph: paragraphs[$0.index]) }
        guard let first = rendered.indices.first(where: { rendered[$0].footnotes.count != counts[$0] }) else { return rendered }
        return Array(rendered[..<first]) + renderedInTurn(planned[first...].map(\.index), format, firstNumber: planned[first].firstNumber)
    }

    /// Every note rendered for `format`, in document order, one after the
    /// other, each numbering its footnotes after the last note's.
    func renderedNotesInTurn(_ format: BodyRenderer.Format) -> [RenderedNote] {
        renderedInTurn(noteIndicesInOrder, format, firstNumber: 1)
    }

    /// The number of each note's first numbered paragraph, by the note's
    /// index, when forum.yaml numbers them: the paragraphs of the notes
    /// before it in the document, counted on the model (so the notes still
    /// render at once).
    var firstParagraphNumbers: [Int: Int] {
        guard checked.forum.document.numberParagraphs else { return [:] }
        var numbers: [Int: Int] = [:]
        var next = 1
        for index in noteIndicesInOrder {
            numbers[index] = next
            next += checked.notes[index].document.blocks.count { BodyRenderer.numbersParagraph($0) }
        }
        return numbers
    }

    private func renderedInTurn(_ indices: [Int], _ format: BodyRenderer.Format, firstNumber: Int) -> [RenderedNote] {
        var next = firstNumber
        let paragraphs = firstParagraphNumbers
        return indices.map { index in
            let note = renderNote(index, format, firstNumber: next, firstParagraph: paragraphs[index])
            next += note.footnotes.count
            return note
        }
    }

    private func renderNote(_ index: Int, _ format: BodyRenderer.Format, firstNumber: Int, firstParagraph: Int?) -> RenderedNote {
        let note = checked.notes[index]
        var numbering = FootnoteNumbering(note.document, firstNumber: firstNumber)
        let renderer = BodyRenderer(format: format, images: checked.images) { numbering.number(of: $0) }
        let body = renderer.body(note.document.blocks, firstParagraph: firstParagraph)
        var footnotes: [(number: Int, text: String)] = []
        while let (number, blocks, _) = numbering.nextToRender() {
            footnotes.append((number, renderer.blocks(blocks)))
        }
        return RenderedNote(body: body, footnotes: footnotes)
    }
}
