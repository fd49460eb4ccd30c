#ifndef IMRF_CMARK_ARENA_H
#define IMRF_CMARK_ARENA_H
// A per-thread arena for cmark-gfm's allocations while one note is parsed.
//
// cmark-gfm allocates every node, buffer and list cell separately through a
// cmark_mem (calloc, realloc, free without a context pointer), and frees them
// one by one; for a workspace of notes that was a fifth of the parsing time in
// malloc and free. The arena hands out memory from large chunks and releases
// it all at once when the note is converted. cmark-gfm's own arena allocator
// (cmark_get_arena_mem_allocator) is one process-wide arena, unusable while
// notes are parsed on several threads at once; this one belongs to the
// calling thread.
#include <cmark-gfm.h>

/// Starts an arena for the calling thread and returns the allocator to give
/// cmark_parser_new_with_mem. Everything allocated through it stays valid
/// until imrf_cmark_arena_end on the same thread; freeing through it is a
/// no-op. One arena per thread at a time.
cmark_mem *imrf_cmark_arena_begin(void);

/// Releases all the memory of the calling thread's arena, nodes and parser
/// included: neither cmark_node_free nor cmark_parser_free is needed.
void imrf_cmark_arena_end(void);

/// Bytes handed out by the calling thread's current arena (for tests).
size_t imrf_cmark_arena_allocated(void);

#endif
