#pragma once
// Memory that generated code runs from, never writable and executable at
// once, and cheap to get: a kernel's first call is dominated by it otherwise.
//
// Code is written through a file, never through a mapping: chunks of an
// anonymous memfd are mapped read+execute once, and each block of code is
// pwrite()n into the next free bytes of a chunk. No page of the process is
// ever writable and executable, and no mprotect() runs per kernel. On this
// 2-core KVM guest a 32 KiB kernel's mmap + copy + mprotect took 147-290 us
// and its munmap 180 us (each a TLB shootdown across the VM's vCPUs); the
// pwrite into a mapped chunk a few us. Where a memfd cannot be mapped
// executable (a hardened kernel, or CONVJIT_JIT_MEMORY=mprotect), each block
// gets its own private mapping, written, then made read+execute.
//
// Bytes of a chunk are never reused while it is mapped, so no thread can run
// stale instructions at an address that was rewritten; a chunk is unmapped
// and its pages given back once its last block is freed.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

namespace convjit {

class ExecutableCode {
 public:
  // A read+execute copy of `bytes`. Throws Error ("jit") when the system
  // gives no executable memory.
  static std::unique_ptr<ExecutableCode> copy_of(std::span<const uint8_t> bytes);
  ~ExecutableCode();
  ExecutableCode(const ExecutableCode&) = delete;
  ExecutableCode& operator=(const ExecutableCode&) = delete;

  const uint8_t* data() const { return data_; }
  std::size_t size() const { return size_; }
  // "memfd" or "mprotect": how this process gets executable memory.
  static std::string_view mode();

  struct Chunk;

 private:
  ExecutableCode(std::shared_ptr<Chunk> chunk, const uint8_t* data, std::size_t size)
      : chunk_(std::move(chunk)), data_(data), size_(size) {}
  std::shared_ptr<Chunk> chunk_;  // null: data_ is a private mapping of its own
  const uint8_t* data_;
  std::size_t size_;
};

}  // namespace convjit
