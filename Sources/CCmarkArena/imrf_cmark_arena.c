#include "imrf_cmark_arena.h"

#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Under AddressSanitizer (clang's __has_feature, GCC's __SANITIZE_ADDRESS__)
// the chunks give way to a malloc per block: see the header.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define IMRF_ARENA_UNDER_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define IMRF_ARENA_UNDER_ASAN 1
#endif

static _Thread_local size_t handed_out;
static _Thread_local int active;  // between begin and end

static void *fail(size_t size) {
    // cmark-gfm's default allocator aborts when memory runs out too.
    fprintf(stderr, "imrf: out of memory while parsing Markdown (%zu bytes)\n", size);
    abort();
}

#ifndef IMRF_ARENA_UNDER_ASAN

// Each allocation is preceded by a header holding its size, so that realloc
// can copy it; blocks are 16-byte aligned, as malloc's are on x86-64 and arm64.
typedef struct chunk {
    struct chunk *previous;
    size_t capacity;  // usable bytes after this header
    size_t used;
    size_t unused;  // the header is 32 bytes: blocks after it stay 16-byte aligned
} chunk;

typedef struct {
    size_t size;
    size_t unused;  // keeps the block 16-byte aligned
} block_header;

enum { smallest_chunk = 64 * 1024, alignment = 16 };

static _Thread_local chunk *current;

static size_t rounded(size_t size) { return (size + alignment - 1) & ~(size_t)(alignment - 1); }

static unsigned char *start(chunk *c) { return (unsigned char *)(c + 1); }

static void *allocate(size_t size) {
    if (size > SIZE_MAX / 2) return fail(size);
    size_t needed = sizeof(block_header) + rounded(size);
    if (current == NULL || current->capacity - current->used < needed) {
        size_t capacity = needed > smallest_chunk ? needed : smallest_chunk;
        chunk *fresh = malloc(sizeof(chunk) + capacity);
        if (fresh == NULL) return fail(size);
        fresh->capacity = capacity;
        fresh->used = 0;
        // A chunk made for one large block goes behind the current one, which
        // keeps serving the small blocks around it.
        if (current != NULL && capacity > smallest_chunk) {
            fresh->previous = current->previous;
            current->previous = fresh;
            fresh->used = needed;
            block_header *header = (block_header *)start(fresh);
            header->size = size;
            handed_out += size;
            return header + 1;
        }
        fresh->previous = current;
        current = fresh;
    }
    block_header *header = (block_header *)(start(current) + current->used);
    current->used += needed;
    header->size = size;
    handed_out += size;
    return header + 1;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) return fail(SIZE_MAX);
    void *block = allocate(count * size);
    memset(block, 0, count * size);
    return block;
}

static void *arena_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return allocate(size);
    block_header *header = (block_header *)pointer - 1;
    size_t had = rounded(header->size), wants = rounded(size);
    // The last block of the current chunk grows (or shrinks) in place:
    // cmark-gfm's buffers grow while a line or a paragraph is read.
    int last = (unsigned char *)pointer + had == start(current) + current->used;
    if (last && (wants <= had || current->capacity - current->used >= wants - had)) {
        current->used = current->used - had + wants;
    } else if (size > header->size) {
        void *moved = allocate(size);
        memcpy(moved, pointer, header->size);
        return moved;
    }
    handed_out = handed_out - header->size + size;
    header->size = size;
    return pointer;
}

static void arena_free(void *pointer) { (void)pointer; }

static void release_all(void) {
    while (current != NULL) {
        chunk *previous = current->previous;
        free(current);
        current = previous;
    }
}

int imrf_cmark_arena_is_pooled(void) { return 1; }

#else  // Under AddressSanitizer: a malloc per block, on a list the end frees.

// The header keeps the list and the size; the block after it stays 16-byte
// aligned. ASan's redzone follows each block, so an overflow past a block's
// end is caught; the header before it is ours.
typedef struct tracked {
    struct tracked *previous, *next;
    size_t size;
    size_t unused;
} tracked;

static _Thread_local tracked *newest;

static void link_block(tracked *block) {
    block->previous = newest;
    block->next = NULL;
    if (newest != NULL) newest->next = block;
    newest = block;
}

static void unlink_block(tracked *block) {
    if (block->next != NULL) block->next->previous = block->previous; else newest = block->previous;
    if (block->previous != NULL) block->previous->next = block->next;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) return fail(SIZE_MAX);
    if (count * size > SIZE_MAX / 2) return fail(count * size);
    tracked *block = calloc(1, sizeof(tracked) + count * size);
    if (block == NULL) return fail(count * size);
    block->size = count * size;
    link_block(block);
    handed_out += block->size;
    return block + 1;
}

static void *arena_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return arena_calloc(1, size);
    if (size > SIZE_MAX / 2) return fail(size);
    tracked *block = (tracked *)pointer - 1;
    unlink_block(block);
    size_t had = block->size;
    tracked *moved = realloc(block, sizeof(tracked) + size);
    if (moved == NULL) return fail(size);
    moved->size = size;
    link_block(moved);
    handed_out = handed_out - had + size;
    return moved + 1;
}

static void arena_free(void *pointer) {
    if (pointer == NULL) return;
    tracked *block = (tracked *)pointer - 1;
    unlink_block(block);
    handed_out -= block->size;
    free(block);
}

static void release_all(void) {
    while (newest != NULL) {
        tracked *previous = newest->previous;
        free(newest);
        newest = previous;
    }
}

int imrf_cmark_arena_is_pooled(void) { return 0; }

#endif

static cmark_mem arena = {arena_calloc, arena_realloc, arena_free};

cmark_mem *imrf_cmark_arena_begin(void) {
    assert(!active && "one cmark arena per thread at a time: imrf_cmark_arena_begin called twice without an end");
    active = 1;
    handed_out = 0;
    return &arena;
}

void imrf_cmark_arena_end(void) {
    release_all();
    handed_out = 0;
    active = 0;
}

size_t imrf_cmark_arena_allocated(void) { return handed_out; }
