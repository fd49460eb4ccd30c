import Forum

extension Summary {
    /// The indices of the workspace's notes in document order: session by
    /// session, and in each the order of `noteIndicesBySession`.
    var noteIndicesInOrder: [Int] {
        let bySession = workspace.noteIndicesBySession
        return Session.allCases.flatMap { bySession[$0] ?? [] }
    }

    /// Every note rendered for `format`, in document order, on every core.
    ///
    /// Footnotes are numbered across the document, so a note's numbers
    /// depend on the notes before it: each note's first number is planned
    /// from how many footnotes those cite (`FootnoteNumbering.citedCount`),
    /// and the notes are rendered at once. A note that numbered otherwise
    /// than planned would shift every number after it; then all are rendered
    /// again one after the other, which is always right.
    func renderedNotes(_ format: BodyRenderer.Format) -> [RenderedNote] {
        let order = noteIndicesInOrder
        let images = workspace.images
        let counts = order.concurrentMap { FootnoteNumbering.citedCount(workspace.notes[$0].document, images: images) }
        var planned: [(index: Int, firstNumber: Int)] = []
        var next = 1
        for (index, count) in zip(order, counts) {
            planned.append((index, next))
            next += count
        }
        let rendered = planned.concurrentMap { renderNote($0.index, format, firstNumber: $0.firstNumber) }
        if zip(rendered, counts).allSatisfy({ $0.footnotes.count == $1 }) { return rendered }
        return renderedNotesInTurn(format)
    }

    /// Every note rendered for `format`, in document order, one after the
    /// other, each numbering its footnotes after the last note's.
    func renderedNotesInTurn(_ format: BodyRenderer.Format) -> [RenderedNote] {
        var next = 1
        return noteIndicesInOrder.map { index in
            let note = renderNote(index, format, firstNumber: next)
            next += note.footnotes.count
            return note
        }
    }

    private func renderNote(_ index: Int, _ format: BodyRenderer.Format, firstNumber: Int) -> RenderedNote {
        let note = workspace.notes[index]
        var numbering = FootnoteNumbering(note.document, firstNumber: firstNumber)
        let renderer = BodyRenderer(format: format, images: workspace.images) { numbering.number(of: $0) }
        let body = renderer.blocks(note.document.blocks)
        var footnotes: [(number: Int, text: String)] = []
        while let (number, blocks) = numbering.nextToRender() {
            footnotes.append((number, renderer.blocks(blocks)))
        }
        return RenderedNote(body: body, footnotes: footnotes)
    }
}
