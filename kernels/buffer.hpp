#pragma once
// An owned, 64-byte aligned array of one data type, zero-initialised unless
// its owner writes every element itself. Buffers of 1 MiB or more sit on
// transparent huge pages where the system allows them; packed weights of
// 4 KiB to 1 MiB share them (page_arena.hpp). The JIT's buffers
// come from a test's allocator when one is installed (BufferAllocator).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "convjit/error.hpp"
#include "convjit/types.hpp"

namespace convjit {

// A buffer's memory could not be allocated. Still an Error naming "buffer"
// to C++ callers; the C API reports it as CONVJIT_OUT_OF_MEMORY, not as a
// bad argument.
class OutOfMemory : public Error {
 public:
  using Error::Error;
};

// What a buffer holds. Every use but `plain` is memory that the inner
// kernels (JIT code or interpreter) read or write besides the user's
// tensors: the drivers' packed weights, the copy of the bias, each staging
// slot of an input and each staged output.
enum class BufferUse : uint8_t { plain, packed_weights, bias, staged_input, staged_output };
inline constexpr int kBufferUses = 5;
std::string_view to_string(BufferUse use);

// Where the memory of the JIT's buffers (every use but `plain`) comes from
// when a test installs one: tests/guard_alloc puts each flush against a
// PROT_NONE page and fills it with NaN, so that the JIT's one-element
// overruns fault and its reads of what nobody wrote show, as ASan cannot
// see JIT code. Without one, they are aligned_alloc memory like any
// buffer.
class BufferAllocator {
 public:
  virtual ~BufferAllocator() = default;
  // `bytes` (0 allowed) for `use`, or null when memory is short. Must live
  // as long as any buffer it made: release() is called when that dies.
  virtual void* allocate(std::size_t bytes, BufferUse use) = 0;
  virtual void release(void* data, std::size_t bytes) noexcept = 0;
};
// Installs `allocator` (null: none) for the JIT's buffers made from now
// on, and returns the one it replaces. For tests; thread-safe.
BufferAllocator* set_jit_buffer_allocator(BufferAllocator* allocator) noexcept;

// How a Buffer's memory goes back: std::free, or the installed allocator
// that made it.
struct BufferFree {
  BufferAllocator* allocator = nullptr;
  std::size_t bytes = 0;
  void operator()(void* p) const noexcept;
};

class Buffer {
 public:
  enum class Init { zero, none };
  Buffer() = default;
  // Init::none: the contents are undefined until written (packed weights;
  // an installed allocator's NaN shows an element left unwritten).
  Buffer(DataType dt, Shape shape, BufferUse use = BufferUse::plain, Init init = Init::zero);
  Buffer(DataType dt, Shape shape, Init init) : Buffer(dt, shape, BufferUse::plain, init) {}
  DataType dt() const noexcept { return dt_; }
  const Shape& shape() const noexcept { return shape_; }
  int64_t size() const noexcept { return shape_.elems(); }
  std::size_t bytes() const noexcept { return bytes_; }
  void* data() noexcept { return data_.get(); }
  const void* data() const noexcept { return data_.get(); }
  template <class T> T* as() noexcept { return static_cast<T*>(data()); }
  template <class T> const T* as() const noexcept { return static_cast<const T*>(data()); }
  TensorView view() noexcept { return {data(), dt_, shape_}; }
  ConstTensorView view() const noexcept { return {data(), dt_, shape_}; }
  ConstTensorView cview() const noexcept { return view(); }
  bool empty() const noexcept { return !data_; }
  double get(int64_t i) const;  // element i as double
  void set(int64_t i, double v);

 private:
  DataType dt_ = DataType::f32;
  Shape shape_;
  std::size_t bytes_ = 0;
  std::unique_ptr<void, BufferFree> data_;
};

}  // namespace convjit
