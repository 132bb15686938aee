#pragma once
// Copies of fewer elements than a vector holds, in pieces of constant size.
#include <cstring>

namespace convjit {

// The first n < 16 elements of `from` to `to`: a loop of them GCC makes a
// memcpy of n elements, inlined as rep movsq (tens of cycles to start),
// which took a third of VGG-19 conv1_1's Winograd run (3 input channels:
// 36 of them per tile).
template <class T>
[[gnu::always_inline]] inline void copy_first(T* to, const T* from, int n) {
  int i = 0;
  for (int piece : {8, 4, 2, 1})
    if (n - i >= piece) {
      std::memcpy(to + i, from + i, piece * sizeof(T));
      i += piece;
    }
}

}  // namespace convjit
