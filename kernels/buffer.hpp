#pragma once
// An owned, 64-byte aligned array of one data type, zero-initialised unless
// its owner writes every element itself. Buffers of 2 MiB or more sit on
// transparent huge pages where the system allows them.
#include <cstddef>
#include <cstdint>
#include <memory>

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

class Buffer {
 public:
  enum class Init { zero, none };
  Buffer() = default;
  // Init::none: the contents are undefined until written (packed weights).
  Buffer(DataType dt, Shape shape, Init init = Init::zero);
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
  struct Free { void operator()(void* p) const noexcept; };
  DataType dt_ = DataType::f32;
  Shape shape_;
  std::size_t bytes_ = 0;
  std::unique_ptr<void, Free> data_;
};

}  // namespace convjit
