// W^X: no page of the process is writable and executable at once. Checked
// after compiling many kernels (both strategies, every ISA of this machine,
// data types, layouts, post-ops, tails), and while compiling them: a second
// thread keeps reading /proc/self/maps, so code pages left writable while
// the emitter fills them would be seen. Every kernel's code must lie in
// pages that are executable and not writable.
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cinttypes>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "planner/strategy.hpp"
#include "convjit/convjit.hpp"
#include "jit/executable_memory.hpp"
#include "kernels/planned_kernel.hpp"
#include "tests/fuzz_check.hpp"

namespace convjit {
namespace {

struct Mapping {
  uintptr_t begin = 0, end = 0;
  bool write = false, exec = false;
  std::string line;
};

std::vector<Mapping> read_maps() {
  std::vector<Mapping> maps;
  std::ifstream in("/proc/self/maps");
  for (std::string line; std::getline(in, line);) {
    Mapping m;
    char perms[5] = {};
    if (std::sscanf(line.c_str(), "%" SCNxPTR "-%" SCNxPTR " %4s", &m.begin, &m.end, perms) != 3)
      continue;
    m.write = perms[1] == 'w';
    m.exec = perms[2] == 'x';
    m.line = line;
    maps.push_back(m);
  }
  return maps;
}

// Whether every byte of [begin, end) lies in mappings that are executable
// and not writable (the kernel may split or merge them).
bool executable_only(const std::vector<Mapping>& maps, uintptr_t begin, uintptr_t end) {
  while (begin < end) {
    const Mapping* hit = nullptr;
    for (const Mapping& m : maps)
      if (m.begin <= begin && begin < m.end) hit = &m;
    if (!hit || !hit->exec || hit->write) return false;
    begin = hit->end;
  }
  return true;
}

TEST(WriteXorExecute, NoPageIsEverWritableAndExecutable) {
  if (CpuFacts::detect("").isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
  std::atomic<bool> done{false};
  std::atomic<int> scans{0};
  std::set<std::string> offending;  // written by the scanner only
  std::thread scanner([&] {
    while (!done) {
      for (const Mapping& m : read_maps())
        if (m.write && m.exec) offending.insert(m.line);
      ++scans;
    }
  });

  // The fuzzer's problems: both strategies, every data type, layout and
  // post-op, channel and width tails. All kept alive, so their code is too.
  constexpr int kProblems = 150;
  std::vector<std::unique_ptr<Engine>> engines;
  std::vector<std::unique_ptr<Kernel>> kernels;
  std::set<std::string> kinds;  // ISA x strategy seen
  for (const std::string& cap : distinct_isa_caps()) {
    EngineOptions options;
    options.max_isa = cap;
    engines.push_back(std::make_unique<Engine>(options));
    for (int i = 0; i < kProblems; ++i) {
      const FuzzCase c = fuzz_case(77, i);
      kernels.push_back(engines.back()->make_kernel(c.desc, Backend::jit));
      const Plan& plan = dynamic_cast<const PlannedKernel&>(*kernels.back()).plan();
      kinds.insert(std::string(to_string(plan.isa)) + " " + std::string(plan.strategy->name()));
    }
  }
  done = true;
  scanner.join();

  EXPECT_GT(scans.load(), 0);
  for (const std::string& line : offending) ADD_FAILURE() << "writable and executable: " << line;
  const std::vector<Mapping> maps = read_maps();
  for (const Mapping& m : maps) EXPECT_FALSE(m.write && m.exec) << m.line;
  for (const auto& kernel : kernels) {
    const auto code = kernel->code();
    ASSERT_FALSE(code.empty()) << kernel->desc().full_str();
    const auto begin = reinterpret_cast<uintptr_t>(code.data());
    EXPECT_TRUE(executable_only(maps, begin, begin + code.size()))
        << kernel->desc().full_str() << " " << kernel->plan_str();
  }
  // Both strategies on every ISA, or the check above proved less than it says.
  EXPECT_EQ(kinds.size(), 2 * distinct_isa_caps().size());
  std::printf("W^X: %zu kernels, /proc/self/maps read %d times while compiling\n", kernels.size(),
              scans.load());
}

// Whether any mapping holds a byte of [begin, end).
bool mapped(const std::vector<Mapping>& maps, uintptr_t begin, uintptr_t end) {
  for (const Mapping& m : maps)
    if (m.begin < end && begin < m.end) return true;
  return false;
}

// mov eax, imm32; ret
std::vector<uint8_t> returns(uint32_t value) {
  std::vector<uint8_t> code = {0xb8, 0, 0, 0, 0, 0xc3};
  for (int b = 0; b < 4; ++b) code[1 + b] = uint8_t(value >> (8 * b));
  return code;
}

// Each copy runs, lies in pages that are executable and not writable, and
// keeps its bytes while others are added beside it (memfd: into the same
// chunk; CONVJIT_JIT_MEMORY=mprotect, run as the mprotect. tests: a mapping
// of its own).
TEST(ExecutableMemory, CopiesRunFromReadOnlyExecutablePages) {
  const char* forced = std::getenv("CONVJIT_JIT_MEMORY");
  EXPECT_EQ(ExecutableCode::mode(), forced ? std::string_view(forced) : std::string_view("memfd"))
      << "memfd mappings are refused on this system";
  std::vector<std::unique_ptr<ExecutableCode>> blocks;
  for (uint32_t i = 0; i < 100; ++i) blocks.push_back(ExecutableCode::copy_of(returns(1000 + i)));
  const std::vector<Mapping> maps = read_maps();
  for (uint32_t i = 0; i < blocks.size(); ++i) {
    const auto begin = reinterpret_cast<uintptr_t>(blocks[i]->data());
    ASSERT_EQ(blocks[i]->size(), 6u);
    EXPECT_TRUE(executable_only(maps, begin, begin + 6)) << i;
    EXPECT_EQ(begin % 64, 0u) << "each block starts on a cache line";
    EXPECT_EQ(reinterpret_cast<uint32_t (*)()>(const_cast<uint8_t*>(blocks[i]->data()))(), 1000 + i);
  }
}

// Memory of code that is gone goes back: a chunk whose blocks are all freed
// is unmapped (its file pages punched out), and so is a block's own mapping.
TEST(ExecutableMemory, FreedCodeIsUnmapped) {
  const std::vector<uint8_t> big(600 << 10, 0xc3);  // two per 1 MiB chunk at most
  std::vector<std::unique_ptr<ExecutableCode>> blocks;
  for (int i = 0; i < 6; ++i) blocks.push_back(ExecutableCode::copy_of(big));
  std::vector<std::pair<uintptr_t, uintptr_t>> ranges;
  for (const auto& b : blocks) {
    const auto begin = reinterpret_cast<uintptr_t>(b->data());
    ranges.push_back({begin, begin + b->size()});
  }
  ASSERT_TRUE(mapped(read_maps(), ranges[0].first, ranges[0].second));
  blocks.clear();
  // The chunk still being filled stays; every earlier one is gone.
  const std::vector<Mapping> maps = read_maps();
  for (std::size_t i = 0; i + 1 < ranges.size(); ++i)
    EXPECT_FALSE(mapped(maps, ranges[i].first, ranges[i].second)) << "block " << i << " still mapped";
}

// The pages after a block are allocated before the next kernels' pwrite
// needs them (a page that pwrite must allocate costs a cold first call
// more): the code file holds pages for at least the 32 KiB after a copy,
// as far as its chunk reaches. (ctest runs this alone in its process, so
// no other chunk's pages stand in for them.)
TEST(ExecutableMemory, PagesAfterACopyAreAllocatedAhead) {
  if (ExecutableCode::mode() != "memfd") GTEST_SKIP() << "one mapping per kernel: nothing ahead";
  const std::unique_ptr<ExecutableCode> block = ExecutableCode::copy_of(returns(7));
  const auto begin = reinterpret_cast<uintptr_t>(block->data());
  uintptr_t chunk_begin = 0, chunk_end = 0;
  for (const Mapping& m : read_maps())
    if (m.begin <= begin && begin < m.end) chunk_begin = m.begin, chunk_end = m.end;
  ASSERT_NE(chunk_end, 0u);
  struct stat file {};
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
    std::error_code error;
    const std::string target = std::filesystem::read_symlink(entry.path(), error).string();
    if (target.find("memfd:convjit-code") != std::string::npos) {
      ASSERT_EQ(stat(entry.path().c_str(), &file), 0);
    }
  }
  const uintptr_t first_page = (begin - chunk_begin) / 4096 * 4096;
  const uintptr_t wanted = std::min<uintptr_t>(chunk_end - chunk_begin - first_page, 32 << 10);
  EXPECT_GE(uintptr_t(file.st_blocks) * 512, wanted) << "the code file's pages: " << file.st_blocks * 512 << " bytes";
}

// The check itself sees a writable and executable page when there is one.
TEST(WriteXorExecute, TheCheckSeesAnRwxPage) {
  void* page = mmap(nullptr, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (page == MAP_FAILED) GTEST_SKIP() << "this system refuses RWX mappings";
  const auto at = reinterpret_cast<uintptr_t>(page);
  bool seen = false;
  for (const Mapping& m : read_maps()) seen = seen || (m.begin <= at && at < m.end && m.write && m.exec);
  munmap(page, 4096);
  EXPECT_TRUE(seen);
}

}  // namespace
}  // namespace convjit
