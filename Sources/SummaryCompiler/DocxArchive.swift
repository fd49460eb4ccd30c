import Foundation
import ZIPFoundation

/// Zips a .docx's parts: deflated, in the given order, every entry dated
/// `date`, so the same parts always give the same bytes.
enum DocxArchive {
    struct Failure: Error, Sendable, CustomStringConvertible {
        var reason: String
        var description: String { "cannot build the .docx archive: \(reason)" }
    }

    static func zip(_ parts: [(path: String, data: Data)], date: Date) throws(Failure) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for part in parts {
                let data = part.data
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(data.count),
                    modificationDate: date, permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<min(Int(position) + size, data.count))
                }
            }
            guard let bytes = archive.data else { throw Failure(reason: "no data") }
            return bytes
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(reason: "\(error)")
        }
    }
}
