#pragma once
// Where packed weights of 4 KiB to 1 MiB live: 2 MiB slabs they share
// (page_arena.cpp says why). A BufferAllocator, so that Buffer hands its
// memory back the way it does a test's.
#include "kernels/buffer.hpp"

namespace convjit {

// Packed weights from this size to half a huge page come from the arena.
inline constexpr std::size_t kArenaFromBytes = std::size_t(4) << 10;

// The process's arena; thread-safe, never destroyed (buffers of static
// objects may die after it would).
BufferAllocator& page_arena();

}  // namespace convjit
