#include "jit/executable_memory.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>

#include "convjit/error.hpp"
#include "problem/log.hpp"

namespace convjit {
namespace {

constexpr std::size_t kChunkBytes = std::size_t(1) << 20;
constexpr std::size_t kBlockAlign = 64;  // each kernel starts on a cache line
constexpr std::size_t kAllocateAhead = std::size_t(64) << 10;

std::size_t page_size() {
  static const auto size = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  return size;
}

std::size_t round_up(std::size_t n, std::size_t to) { return (n + to - 1) / to * to; }

[[noreturn]] void fail(const char* what) {
  throw Error("jit", std::string("jit: no executable memory: ") + what + ": " + std::strerror(errno));
}

}  // namespace

struct ExecutableCode::Chunk {
  Chunk(int fd, off_t offset, uint8_t* base, std::size_t size) : fd(fd), offset(offset), base(base), size(size) {}
  Chunk(const Chunk&) = delete;
  Chunk& operator=(const Chunk&) = delete;
  const int fd;
  const off_t offset;  // in the memfd
  uint8_t* const base;
  const std::size_t size;
  ~Chunk() {
    munmap(base, size);
    // The file keeps growing; the pages of a dead chunk go back.
    fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, offset, off_t(size));
  }
};

namespace {

// The process's memfd and the chunk being filled.
class CodeFile {
 public:
  static CodeFile& get() {
    static CodeFile file;
    return file;
  }
  bool usable() const { return fd_ >= 0; }

  // Where `size` bytes go: the chunk and its address; under the lock.
  std::pair<std::shared_ptr<ExecutableCode::Chunk>, uint8_t*> reserve(std::size_t size) {
    std::lock_guard lock(mutex_);
    if (!chunk_ || used_ + size > chunk_->size) {
      const std::size_t bytes = std::max(kChunkBytes, round_up(size, page_size()));
      chunk_ = map_chunk(bytes);
      if (!chunk_) fail("mmap of the code file");
      used_ = allocated_ = 0;
    }
    uint8_t* at = chunk_->base + used_;
    used_ = round_up(used_ + size, kBlockAlign);
    if (allocated_ < std::min(chunk_->size, used_ + kAllocateAhead / 2)) allocate_ahead();
    return {chunk_, at};
  }

 private:
  CodeFile() {
    const char* mode = std::getenv("CONVJIT_JIT_MEMORY");
    if (mode && std::string_view(mode) == "mprotect") return;
    fd_ = memfd_create("convjit-code", MFD_CLOEXEC);
    if (fd_ < 0) {
      log().info("jit memory: memfd_create failed ({}): one mapping per kernel", std::strerror(errno));
      return;
    }
    // The first chunk proves that the system lets a memfd be executable.
    chunk_ = map_chunk(kChunkBytes);
    if (!chunk_) {
      log().info("jit memory: a memfd cannot be mapped executable ({}): one mapping per kernel",
                 std::strerror(errno));
      close(fd_);
      fd_ = -1;
    }
  }

  std::shared_ptr<ExecutableCode::Chunk> map_chunk(std::size_t bytes) {
    const off_t offset = next_;
    // Reading a mapping past the end of its file faults: the file covers the
    // chunk before it is mapped (holes take no memory).
    if (ftruncate(fd_, offset + off_t(bytes)) != 0) return nullptr;
    void* base = mmap(nullptr, bytes, PROT_READ | PROT_EXEC, MAP_SHARED, fd_, offset);
    if (base == MAP_FAILED) return nullptr;
    next_ += off_t(bytes);
    return std::make_shared<ExecutableCode::Chunk>(fd_, offset, static_cast<uint8_t*>(base), bytes);
  }

  // Pages for the chunk's next kAllocateAhead bytes, allocated at once
  // whenever fewer than half of them are left: a pwrite that meets a hole
  // allocates its page itself, which, after the caller's own work has
  // evicted the kernel's paths, took 10-15 us more than the same pwrite
  // onto allocated pages (2 KB, 2-vCPU Zen 5 VM); fallocate of 64 KiB
  // takes 8 us, once per ~15 kernels of 2 KB.
  void allocate_ahead() {
    const std::size_t end = std::min(chunk_->size, round_up(used_, page_size()) + kAllocateAhead);
    // Failure leaves the holes to pwrite, which allocates them as before.
    if (fallocate(fd_, FALLOC_FL_KEEP_SIZE, chunk_->offset + off_t(allocated_), off_t(end - allocated_)) == 0)
      allocated_ = end;
    else
      allocated_ = chunk_->size;
  }

  int fd_ = -1;
  std::mutex mutex_;
  off_t next_ = 0;  // file offset of the next chunk
  std::shared_ptr<ExecutableCode::Chunk> chunk_;
  std::size_t used_ = 0;
  std::size_t allocated_ = 0;  // bytes of the chunk from its start with pages
};

}  // namespace

std::unique_ptr<ExecutableCode> ExecutableCode::copy_of(std::span<const uint8_t> bytes) {
  CodeFile& file = CodeFile::get();
  if (file.usable()) {
    auto [chunk, at] = file.reserve(bytes.size());
    const off_t offset = chunk->offset + (at - chunk->base);
    for (std::size_t done = 0; done < bytes.size();) {
      const ssize_t n = pwrite(chunk->fd, bytes.data() + done, bytes.size() - done, offset + off_t(done));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) fail("write to the code file");
      done += std::size_t(n);
    }
    return std::unique_ptr<ExecutableCode>(new ExecutableCode(std::move(chunk), at, bytes.size()));
  }
  const std::size_t size = round_up(std::max<std::size_t>(bytes.size(), 1), page_size());
  void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) fail("mmap");
  std::memcpy(p, bytes.data(), bytes.size());
  if (mprotect(p, size, PROT_READ | PROT_EXEC) != 0) {
    munmap(p, size);
    fail("mprotect to read+execute");
  }
  return std::unique_ptr<ExecutableCode>(new ExecutableCode(nullptr, static_cast<uint8_t*>(p), bytes.size()));
}

ExecutableCode::~ExecutableCode() {
  if (!chunk_) munmap(const_cast<uint8_t*>(data_), round_up(std::max<std::size_t>(size_, 1), page_size()));
}

std::string_view ExecutableCode::mode() { return CodeFile::get().usable() ? "memfd" : "mprotect"; }

}  // namespace convjit
