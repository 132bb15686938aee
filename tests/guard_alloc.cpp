#include "tests/guard_alloc.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <string>
#include <utility>

#include "convjit/error.hpp"

namespace convjit {

std::size_t GuardedTensor::page_size() {
  static const std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  return page;
}

GuardedRegion map_guarded(std::size_t bytes, GuardSide side) {
  const std::size_t page = GuardedTensor::page_size();
  const std::size_t data_pages = (bytes + page - 1) / page;
  GuardedRegion r;
  r.map_bytes = (data_pages + 2) * page;
  // Mapped inaccessible as a whole, then the middle opened: there is no
  // moment at which a guard page is accessible.
  r.map = mmap(nullptr, r.map_bytes, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (r.map == MAP_FAILED)
    throw Error("guard", "guard: mmap of " + std::to_string(r.map_bytes) + " bytes failed");
  auto* first = static_cast<uint8_t*>(r.map) + page;
  if (data_pages && mprotect(first, data_pages * page, PROT_READ | PROT_WRITE) != 0) {
    munmap(r.map, r.map_bytes);
    throw Error("guard", "guard: mprotect failed");
  }
  // Slack and data alike start as NaN, so reading the slack is noticed too.
  std::memset(first, 0xFF, data_pages * page);
  r.data = side == GuardSide::start ? first : first + data_pages * page - bytes;
  return r;
}

void unmap_guarded(const GuardedRegion& region) noexcept {
  if (region.map) munmap(region.map, region.map_bytes);
}

GuardedTensor::GuardedTensor(DataType dt, Shape shape, GuardSide side)
    : dt_(dt), shape_(shape), bytes_(static_cast<std::size_t>(shape.elems()) * size_of(dt)) {
  const GuardedRegion r = map_guarded(bytes_, side);
  map_ = r.map;
  map_bytes_ = r.map_bytes;
  data_ = r.data;
}

GuardedTensor::GuardedTensor(const Buffer& from, GuardSide side)
    : GuardedTensor(from.dt(), from.shape(), side) {
  std::memcpy(data_, from.data(), bytes_);
}

GuardedTensor::~GuardedTensor() { unmap_guarded({map_, map_bytes_, data_}); }

GuardedTensor::GuardedTensor(GuardedTensor&& other) noexcept { *this = std::move(other); }

GuardedTensor& GuardedTensor::operator=(GuardedTensor&& other) noexcept {
  if (this != &other) {
    unmap_guarded({map_, map_bytes_, data_});
    dt_ = other.dt_;
    shape_ = other.shape_;
    map_ = std::exchange(other.map_, nullptr);
    map_bytes_ = std::exchange(other.map_bytes_, 0);
    data_ = std::exchange(other.data_, nullptr);
    bytes_ = std::exchange(other.bytes_, 0);
  }
  return *this;
}

Buffer GuardedTensor::to_buffer() const {
  Buffer b(dt_, shape_);
  std::memcpy(b.data(), data_, bytes_);
  return b;
}

}  // namespace convjit
