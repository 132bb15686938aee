#pragma once
// The JIT's own memory against guard pages: while a GuardJitBuffers lives,
// every buffer the inner kernels read or write besides the user's tensors
// (packed weights, the bias copy, each staging slot of an input, each
// staged output: BufferUse in kernels/buffer.hpp) is made flush against a
// PROT_NONE page and filled with NaN. A one-element overrun faults; a
// staged output that no kernel wrote, or a staged input row read but never
// staged, reaches the result as NaN and fails the comparison. (Zeroed,
// 64-byte rounded memory hid both, and ASan does not see JIT code.)
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "kernels/buffer.hpp"
#include "tests/guard_alloc.hpp"

namespace convjit {

class GuardJitBuffers {
 public:
  // Buffers of each use take the two sides by turns, `first` first (so
  // slot 0 and slot 1 of a scratch set, or the interpreter's and the JIT's
  // packed weights, touch opposite guards).
  explicit GuardJitBuffers(GuardSide first);
  ~GuardJitBuffers();  // buffers made meanwhile stay guarded until freed
  GuardJitBuffers(const GuardJitBuffers&) = delete;
  GuardJitBuffers& operator=(const GuardJitBuffers&) = delete;

  // A live guarded buffer (made under any GuardJitBuffers).
  struct Allocation {
    BufferUse use = BufferUse::plain;
    const char* data = nullptr;
    std::size_t bytes = 0;
    GuardSide side = GuardSide::end;
  };
  // The one whose data, or the guard page on either side of it, holds p.
  static std::optional<Allocation> find(const void* p);
  // Buffers of `use` made under this one.
  int64_t made(BufferUse use) const;

 private:
  class Allocator;
  BufferAllocator* previous_ = nullptr;
  // The enclosing scope's turns, restored at the end.
  GuardSide previous_first_ = GuardSide::end;
  std::array<int64_t, kBufferUses> made_before_{};
};

}  // namespace convjit
