/// The numbers of a ZIP's end records and central directory that
/// ZIPFoundation trusts without checking, checked on the bytes first.
///
/// ZIPFoundation converts a ZIP64 position to `off_t`, adds a ZIP64 size to
/// a position, and reads an in-memory archive at any position it seeks to:
/// a crafted directory entry declaring a size near `UInt64.max`, or a
/// position past the end of the file, traps the process before any of
/// `WordPackage`'s limits is reached. So, for the directory ZIPFoundation
/// will walk (found as it finds it): every number of a ZIP64 extra field is
/// at most `limit`, and every position it seeks to (the directory, each
/// entry's local header, its data, its data descriptor) is inside the file.
enum ZIPDirectory {
    /// What is wrong, for `WordPackage`'s message; `entryName` is nil for
    /// the end records.
    struct Problem: Error {
        var entryName: String?
        var value: UInt64
    }

    static let endRecordSignature: UInt32 = 0x0605_4B50
    static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    static let zip64EndRecordSignature: UInt32 = 0x0606_4B50
    static let entrySignature: UInt32 = 0x0201_4B50
    static let localHeaderSignature: UInt32 = 0x0403_4B50

    /// Throws for the end records, or the first of the first
    /// `maximumEntries + 1` directory entries, whose numbers would take
    /// ZIPFoundation out of the file (each directory it may walk is checked).
    /// Bytes that are not a ZIP are left for ZIPFoundation to refuse.
    static func check(_ bytes: [UInt8], limit: UInt64, maximumEntries: Int) throws(Problem) {
        guard let end = endRecord(bytes) else { return }
        let count = UInt64(bytes.count)
        // ZIPFoundation takes the ZIP64 records at fixed places before the
        // end record, when their signatures are there and the version is 4.5
        // or more; then the ZIP64 record's directory is the one walked.
        var starts: [UInt64] = []
        var usesZIP64 = false
        if end >= 76, bytes.uint32(at: end - 20) == zip64LocatorSignature, bytes.uint32(at: end - 76) == zip64EndRecordSignature {
            let start = bytes.uint64(at: end - 76 + 48)
            guard start <= count else { throw Problem(entryName: nil, value: start) }
            starts.append(start)
            usesZIP64 = bytes.uint16(at: end - 76 + 14) >= 45
        }
        let start = UInt64(bytes.uint32(at: end + 16))
        if start <= count {
            starts.append(start)
        } else if !usesZIP64 {
            throw Problem(entryName: nil, value: start)
        }
        for start in starts {
            try checkEntries(bytes, from: Int(start), limit: limit, maximumEntries: maximumEntries)
        }
    }

    private static func checkEntries(_ bytes: [UInt8], from start: Int, limit: UInt64, maximumEntries: Int) throws(Problem) {
        var position = start
        for _ in 0...maximumEntries {
            guard position + 46 <= bytes.count, bytes.uint32(at: position) == entrySignature else { return }
            let nameEnd = position + 46 + Int(bytes.uint16(at: position + 28))
            let extraEnd = nameEnd + Int(bytes.uint16(at: position + 30))
            let next = extraEnd + Int(bytes.uint16(at: position + 32))
            let name = String(decoding: bytes[(position + 46)..<Swift.min(nameEnd, bytes.count)], as: UTF8.self)
            // ZIPFoundation would seek past the end for the next entry.
            guard next <= bytes.count else { throw Problem(entryName: name, value: UInt64(next)) }
            let entry = try Entry(bytes, at: position, extra: nameEnd..<extraEnd, limit: limit, name: name)
            try entry.checkPositions(bytes, name: name)
            position = next
        }
    }

    /// Whether ZIPFoundation will find the end record (the signature, its
    /// fixed part and its comment inside the file). It must be checked before
    /// an in-memory `Archive` is made: when it finds none, ZIPFoundation
    /// throws without closing the memory file it opened, and the file's
    /// bytes leak (found by fuzzing).
    static func hasEndRecord(_ bytes: [UInt8]) -> Bool {
        guard let end = endRecord(bytes) else { return false }
        return end + 22 + Int(bytes.uint16(at: end + 20)) <= bytes.count
    }

    /// The end record's position as ZIPFoundation finds it: the first
    /// signature searching back from the end.
    private static func endRecord(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        var position = bytes.count - 22
        while position >= 0 {
            if bytes.uint32(at: position) == endRecordSignature { return position }
            position -= 1
        }
        return nil
    }

    /// One directory entry's sizes and position, as ZIPFoundation's `Entry`
    /// computes them (a ZIP64 field's value, when there is one and it is not 0).
    private struct Entry {
        var usesDataDescriptor: Bool
        var isCompressed: Bool
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var localHeader: UInt64

        init(_ bytes: [UInt8], at position: Int, extra: Range<Int>, limit: UInt64, name: String) throws(Problem) {
            let compressed32 = bytes.uint32(at: position + 20)
            let uncompressed32 = bytes.uint32(at: position + 24)
            let offset32 = bytes.uint32(at: position + 42)
            usesDataDescriptor = bytes.uint16(at: position + 8) & (1 << 3) != 0
            isCompressed = bytes.uint16(at: position + 10) != 0
            compressedSize = UInt64(compressed32)
            uncompressedSize = UInt64(uncompressed32)
            localHeader = UInt64(offset32)

            // Whatever ZIPFoundation makes of a ZIP64 field, none of its numbers may be large.
            var zip64: Range<Int>?
            var field = extra.lowerBound
            while field + 4 <= extra.upperBound {
                let size = Int(bytes.uint16(at: field + 2))
                let fieldEnd = field + 4 + size
                guard fieldEnd <= extra.upperBound else { break }
                if bytes.uint16(at: field) == 0x0001 {
                    if zip64 == nil { zip64 = (field + 4)..<fieldEnd }
                    var value = field + 4
                    while value + 8 <= fieldEnd {
                        let number = bytes.uint64(at: value)
                        guard number <= limit else { throw Problem(entryName: name, value: number) }
                        value += 8
                    }
                }
                field = fieldEnd
            }
            // ZIPFoundation reads a ZIP64 field only when it holds exactly the
            // numbers whose 32-bit fields are all ones, in this order.
            guard let zip64 else { return }
            let present = [uncompressed32 == .max, compressed32 == .max, offset32 == .max]
            let diskPresent = bytes.uint16(at: position + 34) == .max
            guard present.filter({ $0 }).count * 8 + (diskPresent ? 4 : 0) == zip64.count else { return }
            var value = zip64.lowerBound
            var numbers: [UInt64] = []
            for isPresent in present {
                numbers.append(isPresent ? bytes.uint64(at: value) : 0)
                if isPresent { value += 8 }
            }
            if numbers[0] > 0 { uncompressedSize = numbers[0] }
            if numbers[1] > 0 { compressedSize = numbers[1] }
            if numbers[2] > 0 { localHeader = numbers[2] }
        }

        /// The local header, the data and the data descriptor start inside the file.
        func checkPositions(_ bytes: [UInt8], name: String) throws(Problem) {
            let count = UInt64(bytes.count)
            guard localHeader + 30 <= count else { throw Problem(entryName: name, value: localHeader) }
            let header = Int(localHeader)
            guard bytes.uint32(at: header) == localHeaderSignature else { return }
            let data = localHeader + 30 + UInt64(bytes.uint16(at: header + 26)) + UInt64(bytes.uint16(at: header + 28))
            guard data <= count else { throw Problem(entryName: name, value: data) }
            let size = isCompressed ? compressedSize : uncompressedSize
            guard !usesDataDescriptor || size <= count - data else { throw Problem(entryName: name, value: size) }
        }
    }
}

extension [UInt8] {
    /// The little-endian number at `offset`; the caller has checked the bounds.
    fileprivate func uint16(at offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    fileprivate func uint32(at offset: Int) -> UInt32 {
        UInt32(uint16(at: offset)) | UInt32(uint16(at: offset + 2)) << 16
    }

    fileprivate func uint64(at offset: Int) -> UInt64 {
        UInt64(uint32(at: offset)) | UInt64(uint32(at: offset + 4)) << 32
    }
}
