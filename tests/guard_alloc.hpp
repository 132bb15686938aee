#pragma once
// Tensors flush against PROT_NONE pages (DESIGN.md, Validation): a kernel
// that reads or writes one element outside a tensor dies with SIGSEGV at the
// faulting instruction, instead of quietly using a neighbour's memory.
#include <cstddef>
#include <cstdint>

#include "convjit/types.hpp"
#include "kernels/buffer.hpp"

namespace convjit {

// Which end of the tensor touches its guard page. Memory is handed out in
// pages, so only one end can: the other is separated from its guard by the
// slack of the last page. Alternating the two catches overruns past the end
// and underruns before the start alike.
enum class GuardSide : uint8_t { end, start };
inline GuardSide other_side(GuardSide side) {
  return side == GuardSide::end ? GuardSide::start : GuardSide::end;
}

// `bytes` of data flush against a PROT_NONE page on `side`, in one mapping
// of guard page, data pages, guard page; data and slack read as NaN (all
// bits set). What GuardedTensor and the JIT's guarded buffers
// (guard_jit_buffers.hpp) are made of.
struct GuardedRegion {
  void* map = nullptr;
  std::size_t map_bytes = 0;
  void* data = nullptr;
};
// Throws Error naming "guard" when the mapping fails.
GuardedRegion map_guarded(std::size_t bytes, GuardSide side);
void unmap_guarded(const GuardedRegion& region) noexcept;

class GuardedTensor {
 public:
  GuardedTensor() = default;
  // Uninitialised elements read as NaN (all bits set): a kernel that reads
  // an output it has not written, or leaves one unwritten, is noticed.
  GuardedTensor(DataType dt, Shape shape, GuardSide side);
  // A copy of `from`.
  GuardedTensor(const Buffer& from, GuardSide side);
  ~GuardedTensor();
  GuardedTensor(GuardedTensor&& other) noexcept;
  GuardedTensor& operator=(GuardedTensor&& other) noexcept;
  GuardedTensor(const GuardedTensor&) = delete;
  GuardedTensor& operator=(const GuardedTensor&) = delete;

  void* data() noexcept { return data_; }
  const void* data() const noexcept { return data_; }
  std::size_t bytes() const noexcept { return bytes_; }
  TensorView view() noexcept { return {data_, dt_, shape_}; }
  ConstTensorView cview() const noexcept { return {data_, dt_, shape_}; }
  Buffer to_buffer() const;  // for compare()

  static std::size_t page_size();

 private:
  DataType dt_ = DataType::f32;
  Shape shape_;
  void* map_ = nullptr;  // guard page, data pages, guard page
  std::size_t map_bytes_ = 0;
  void* data_ = nullptr;
  std::size_t bytes_ = 0;
};

}  // namespace convjit
