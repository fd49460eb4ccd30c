import CCmarkArena
import Testing

@testable import SummaryCompiler

/// The per-thread arena cmark-gfm allocates from while a note is parsed:
/// cmark-gfm relies on calloc's zeroes and realloc's copy, so each is
/// checked on memory the arena has handed out before. Under AddressSanitizer
/// every block is a malloc of its own (`imrf_cmark_arena_is_pooled` is 0)
/// and the same contract holds, except where a block lands.
@Suite struct CmarkArenaTests {
    /// Whether blocks come from the arena's chunks (not under ASan).
    private static let pooled = imrf_cmark_arena_is_pooled() != 0

    /// Runs `body` with the calling thread's arena, ending it afterwards.
    private func withArena(_ body: (UnsafeMutablePointer<cmark_mem>) -> Void) {
        let memory = imrf_cmark_arena_begin()!
        defer { imrf_cmark_arena_end() }
        body(memory)
    }

    @Test func callocZeroesMemoryEvenWhereAnEarlierArenaWrote() {
        for _ in 0..<3 {
            withArena { memory in
                for size in [1, 24, 4000, 70_000] {
                    let block = memory.pointee.calloc(1, size)!.assumingMemoryBound(to: UInt8.self)
                    #expect((0..<size).allSatisfy { block[$0] == 0 })
                    block.update(repeating: 0xA5, count: size)
                }
            }
        }
    }

    @Test func blocksAreSixteenByteAlignedAndDistinct() {
        withArena { memory in
            var seen: Set<Int> = []
            for size in [1, 3, 17, 100, 65_536, 2, 200_000, 5] {
                let address = Int(bitPattern: memory.pointee.calloc(1, size))
                #expect(address % 16 == 0)
                #expect(seen.insert(address).inserted)
            }
            #expect(imrf_cmark_arena_allocated() == 1 + 3 + 17 + 100 + 65_536 + 2 + 200_000 + 5)
        }
    }

    @Test func reallocKeepsTheContentWhetherItGrowsInPlaceOrMoves() {
        withArena { memory in
            // The last block grows in place, as a buffer read line by line does.
            var last = memory.pointee.realloc(nil, 10)!.assumingMemoryBound(to: UInt8.self)
            for index in 0..<10 { last[index] = UInt8(index) }
            let grown = memory.pointee.realloc(last, 1000)!.assumingMemoryBound(to: UInt8.self)
            if Self.pooled { #expect(grown == last) }
            #expect((0..<10).allSatisfy { grown[$0] == UInt8($0) })
            last = grown

            // A block with another after it moves, content and all, and the
            // block after it is untouched.
            let after = memory.pointee.calloc(1, 8)!.assumingMemoryBound(to: UInt8.self)
            after.update(repeating: 7, count: 8)
            let moved = memory.pointee.realloc(last, 300_000)!.assumingMemoryBound(to: UInt8.self)
            if Self.pooled { #expect(moved != last) }
            #expect((0..<10).allSatisfy { moved[$0] == UInt8($0) })
            #expect((0..<8).allSatisfy { after[$0] == 7 })

            // Shrinking keeps the block and what it still holds.
            let shrunk = memory.pointee.realloc(moved, 4)!.assumingMemoryBound(to: UInt8.self)
            #expect((0..<4).allSatisfy { shrunk[$0] == UInt8($0) })
            memory.pointee.free(shrunk)
        }
    }

    #if DEBUG
    /// "One arena per thread at a time": a nested begin fails its assertion.
    @Test func aSecondBeginBeforeTheEndStopsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            _ = imrf_cmark_arena_begin()
            _ = imrf_cmark_arena_begin()
        }
    }
    #endif

    @Test func aLargeNoteParsedFromTheArenaMatchesItsParts() {
        // Many chunks' worth of nodes and one buffer far larger than a chunk.
        let paragraph = "Some *emphasis*, a [link](https://example.org) and ~~struck~~ text[^1].\n\n"
        let note = String(repeating: paragraph, count: 3000) + "[^1]: The footnote.\n"
        let document = MarkdownParser.parse(note)
        #expect(document.blocks.count == 3000)
        #expect(Set(document.blocks).count == 1)
        #expect(document.blocks.first == MarkdownParser.parse(paragraph + "[^1]: The footnote.\n").blocks.first)
        #expect(document.footnotes.count == 1)
    }
}
