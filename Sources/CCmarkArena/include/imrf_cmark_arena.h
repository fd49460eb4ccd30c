#ifndef IMRF_CMARK_ARENA_H
#define IMRF_CMARK_ARENA_H
// A per-thread arena for cmark-gfm's allocations while one note is parsed.
//
// cmark-gfm allocates every node, buffer and list cell separately through a
// cmark_mem (calloc, realloc, free without a context pointer) and frees them
// one by one. The arena hands out memory from large chunks and releases it
// all at once when the note is converted, which pays for itself on a
// workspace of notes (Benchmarks/README.md). cmark-gfm's own arena allocator
// (cmark_get_arena_mem_allocator) is one process-wide arena, unusable while
// notes are parsed on several threads at once; this one belongs to the
// calling thread.
//
// Under AddressSanitizer every block is a malloc of its own instead, freed
// when cmark-gfm frees it or at the end at the latest, so that ASan sees an
// overflow from one cmark node into the next and a use after free.
#include <cmark-gfm.h>

/// Starts an arena for the calling thread and returns the allocator to give
/// cmark_parser_new_with_mem. Everything allocated through it stays valid
/// until imrf_cmark_arena_end on the same thread; freeing through it is a
/// no-op (under AddressSanitizer, it frees). One arena per thread at a time:
/// a second begin before the end fails an assertion.
cmark_mem *imrf_cmark_arena_begin(void);

/// Releases all the memory of the calling thread's arena, nodes and parser
/// included: neither cmark_node_free nor cmark_parser_free is needed.
void imrf_cmark_arena_end(void);

/// Bytes handed out by the calling thread's current arena and not freed
/// (for tests; in the arena proper, freeing is a no-op).
size_t imrf_cmark_arena_allocated(void);

/// 1 when blocks come from the arena's chunks, 0 when each is a malloc of
/// its own (under AddressSanitizer): what the tests may expect of realloc.
int imrf_cmark_arena_is_pooled(void);

#endif
