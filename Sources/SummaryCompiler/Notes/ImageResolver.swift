import Diagnostics
import Foundation

/// Finds the pictures a note shows, inside the workspace, and reads them.
///
/// A note names a picture by a path relative to the note's own file
/// (`![Chart](figures/chart.png)`). The path must stay inside the workspace
/// folder (after `..` and symbolic links are followed), name a PNG or JPEG
/// file (recognised by its content), and be at most
/// `ImageAsset.maximumBytes`. Remote pictures are never fetched: the
/// summary must not depend on, or call out to, anything outside the
/// workspace. Every problem is an error at the note's file and line.
struct ImageResolver {
    /// The workspace folder, resolved (symbolic links followed).
    let root: URL
    /// Pictures about to be stored with the note, by workspace-relative path
    /// (`notes/figures/a-1.png`): checked as if they were there already.
    let pending: [String: Data]

    init(workspace: String, pending: [String: Data] = [:]) {
        root = URL(fileURLWithPath: workspace).standardizedFileURL.resolvingSymlinksInPath()
        self.pending = pending
    }

    /// The note with each image's source rewritten to its workspace-relative
    /// path, the pictures read, and the errors found (an image in error is
    /// left as its alt text).
    func resolve(_ note: Note) -> (note: Note, images: [ImageAsset], diagnostics: [Diagnostic]) {
        var images: [ImageAsset] = []
        var diagnostics: [Diagnostic] = []
        let directory = URL(fileURLWithPath: note.path).deletingLastPathComponent()
        let rewrite: (String, Int) -> String? = { source, line in
            switch self.read(source, from: directory) {
            case .success(let image):
                images.append(image)
                return image.path
            case .failure(let problem):
                diagnostics.append(
                    .error(
                        problem.message,
                        at: SourceLocation(path: note.path, line: note.bodyLine + max(line, 1) - 1, column: 1),
                        hint: problem.hint, code: problem.code
                    ))
                return nil
            }
        }
        var resolved = note
        resolved.document.blocks = resolved.document.blocks.map { Self.map($0, rewrite) }
        for index in resolved.document.footnotes.indices {
            resolved.document.footnotes[index].blocks = resolved.document.footnotes[index].blocks.map { Self.map($0, rewrite) }
        }
        return (resolved, images, diagnostics)
    }

    /// A picture the note names that is not there: a caller that cannot
    /// take pictures (the web intake) says what to do instead.
    static let notFoundCode: Diagnostic.Code = "note.pictureNotFound"

    struct Problem: Error {
        var message: String
        var hint: String?
        var code: Diagnostic.Code?
    }

    /// Reads the picture `source` names, relative to `directory`.
    func read(_ source: String, from directory: URL) -> Result<ImageAsset, Problem> {
        let decoded = source.removingPercentEncoding ?? source
        guard !decoded.isEmpty else { return .failure(Problem(message: "image has no path")) }
        if let colon = decoded.firstIndex(of: ":"), !decoded[..<colon].contains("/") {
            return .failure(
                Problem(
                    message: "image '\(source)' is not a file in the workspace; remote pictures are not fetched",
                    hint: "save the picture in the workspace (for example notes/figures/) and name it by a relative path"
                ))
        }
        guard !decoded.hasPrefix("/") else {
            return .failure(
                Problem(
                    message: "image '\(source)' is an absolute path",
                    hint: "name the picture by a path relative to the note, inside the workspace"
                ))
        }
        let file = directory.appendingPathComponent(decoded).standardizedFileURL.resolvingSymlinksInPath()
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        guard file.path.hasPrefix(rootPath) else {
            return .failure(
                Problem(
                    message: "image '\(source)' is outside the workspace",
                    hint: "copy the picture into the workspace folder and name it from there"
                ))
        }
        let relative = String(file.path.dropFirst(rootPath.count))
        let data: Data
        if let waiting = pending[relative] {
            data = waiting
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                return .failure(
                    Problem(message: "image '\(source)' not found", hint: "the path is relative to the note's folder", code: Self.notFoundCode))
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            guard size <= ImageAsset.maximumBytes else { return .failure(Self.tooLarge(source, size: size)) }
            guard let read = FileManager.default.contents(atPath: file.path) else {
                return .failure(Problem(message: "cannot read image '\(source)'"))
            }
            data = read
        }
        guard data.count <= ImageAsset.maximumBytes else { return .failure(Self.tooLarge(source, size: data.count)) }
        guard let header = ImageAsset.header(of: data) else {
            return .failure(
                Problem(
                    message: "image '\(source)' is not a PNG or JPEG picture",
                    hint: "save it as PNG or JPEG"
                ))
        }
        let sides = 1...ImageAsset.maximumPixels
        guard sides.contains(header.width), sides.contains(header.height) else {
            let empty = header.width == 0 || header.height == 0
            return .failure(
                Problem(
                    message: "image '\(source)' is \(header.width) x \(header.height) pixels"
                        + (empty ? "" : "; the limit is 30,000 pixels on a side"),
                    hint: empty
                        ? "the file's header is broken: save the picture again" : "save it smaller (a chart needs no more than a few thousand pixels)"
                ))
        }
        return .success(
            ImageAsset(
                path: relative, data: data, format: header.format, pixelWidth: header.width, pixelHeight: header.height
            ))
    }

    static func tooLarge(_ source: String, size: Int) -> Problem {
        Problem(
            message: "image '\(source)' is \(size / (1 << 20)) MiB; the limit is \(ImageAsset.maximumBytes >> 20) MiB",
            hint: "save it smaller (a chart needs no more than a few hundred KiB)"
        )
    }

    // MARK: Rewriting the model

    static func map(_ block: Block, _ rewrite: (String, Int) -> String?) -> Block {
        switch block {
        case .paragraph(let content): .paragraph(map(content, rewrite))
        case .heading(let level, let content): .heading(level: level, map(content, rewrite))
        case .blockQuote(let children): .blockQuote(children.map { map($0, rewrite) })
        case .list(let ordered, let start, let tight, let items):
            .list(ordered: ordered, start: start, tight: tight, items: items.map { $0.map { map($0, rewrite) } })
        case .code, .thematicBreak: block
        case .table(let header, let rows, let alignments):
            .table(header: header.map { map($0, rewrite) }, rows: rows.map { $0.map { map($0, rewrite) } }, alignments: alignments)
        }
    }

    static func map(_ inlines: [Inline], _ rewrite: (String, Int) -> String?) -> [Inline] {
        inlines.flatMap { inline -> [Inline] in
            switch inline {
            case .image(let source, let alt, let line):
                guard let path = rewrite(source, line) else { return alt }
                return [.image(source: path, alt: alt, line: line)]
            case .emphasis(let children): return [.emphasis(map(children, rewrite))]
            case .strong(let children): return [.strong(map(children, rewrite))]
            case .strikethrough(let children): return [.strikethrough(map(children, rewrite))]
            case .link(let destination, let children): return [.link(destination: destination, map(children, rewrite))]
            case .text, .code, .softBreak, .lineBreak, .footnote: return [inline]
            }
        }
    }
}
