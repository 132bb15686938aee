// CpuFacts from CPUID (through Xbyak) and cache sizes from sysfs: Xbyak only
// reads Intel's cache leaf, and sysfs is right on AMD too.
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <xbyak/xbyak_util.h>

#include "convjit/cpu.hpp"
#include "convjit/error.hpp"
#include "jit/cpu_caches.hpp"

namespace convjit {
namespace {

std::string cpuid_string(const uint32_t* regs, int n) {
  std::string s(reinterpret_cast<const char*>(regs), 4 * n);
  s.erase(std::find(s.begin(), s.end(), '\0'), s.end());
  auto first = s.find_first_not_of(' ');
  return first == std::string::npos ? std::string() : s.substr(first);
}

std::string vendor_string() {
  uint32_t r[4];
  Xbyak::util::Cpu::getCpuid(0, r);
  uint32_t v[3] = {r[1], r[3], r[2]};  // EBX, EDX, ECX spell the vendor
  return cpuid_string(v, 3);
}

std::string brand_string() {
  uint32_t r[4];
  Xbyak::util::Cpu::getCpuid(0x80000000, r);
  if (r[0] < 0x80000004) return "unknown";
  uint32_t b[12];
  for (uint32_t leaf = 0; leaf < 3; ++leaf) Xbyak::util::Cpu::getCpuid(0x80000002 + leaf, b + 4 * leaf);
  return cpuid_string(b, 12);
}

// "48K" -> 49152; 0 when unreadable.
int64_t read_cache_size(const std::string& dir) {
  std::ifstream f(dir + "/size");
  std::string text;
  if (!(f >> text) || text.empty()) return 0;
  int64_t v = std::atoll(text.c_str());
  char unit = static_cast<char>(std::toupper(static_cast<unsigned char>(text.back())));
  if (unit == 'K') v <<= 10;
  if (unit == 'M') v <<= 20;
  return v;
}

// The L1d's size and ways from CPUID where sysfs has no cache information
// (the project's Zen 5 KVM guest): AMD's leaf 0x80000005 (ECX: KiB in bits
// 31-24, ways in 23-16; 0xFF is fully associative, taken as unknown),
// Intel's deterministic cache leaf 4 (subleaf 0: the level-1 data cache).
void read_l1d_from_cpuid(const std::string& vendor, CpuFacts& f) {
  uint32_t r[4];
  if (vendor == "AuthenticAMD") {
    Xbyak::util::Cpu::getCpuid(0x80000000, r);
    if (r[0] < 0x80000005) return;
    Xbyak::util::Cpu::getCpuid(0x80000005, r);
    const uint32_t kib = r[2] >> 24, ways = (r[2] >> 16) & 0xff;
    if (kib == 0 || ways == 0 || ways == 0xff) return;
    f.l1d_bytes = int64_t(kib) << 10;
    f.l1d_ways = int(ways);
  } else if (vendor == "GenuineIntel") {
    Xbyak::util::Cpu::getCpuid(0, r);
    if (r[0] < 4) return;
    Xbyak::util::Cpu::getCpuidEx(4, 0, r);
    if ((r[0] & 0x1f) != 1 || ((r[0] >> 5) & 0x7) != 1) return;  // not the level-1 data cache
    const int64_t ways = (r[1] >> 22) + 1, partitions = ((r[1] >> 12) & 0x3ff) + 1, line = (r[1] & 0xfff) + 1,
                  sets = int64_t(r[2]) + 1;
    f.l1d_bytes = ways * partitions * line * sets;
    f.l1d_ways = int(ways);
  }
}

void read_caches(CpuFacts& f) {
  for (int index = 0; index < 8; ++index) {
    std::string dir = "/sys/devices/system/cpu/cpu0/cache/index" + std::to_string(index);
    std::ifstream level_file(dir + "/level"), type_file(dir + "/type");
    int level = 0;
    std::string type;
    if (!(level_file >> level) || !(type_file >> type)) break;
    if (type == "Instruction") continue;
    int64_t size = read_cache_size(dir);
    if (level == 1) {
      f.l1d_bytes = size;
      std::ifstream ways_file(dir + "/ways_of_associativity");
      if (!(ways_file >> f.l1d_ways)) f.l1d_ways = 0;
    }
    if (level == 2) f.l2_bytes = size;
    if (level == 3) f.l3_bytes = size;
  }
  if (f.l1d_bytes <= 0 || f.l1d_ways <= 0) read_l1d_from_cpuid(f.vendor, f);
  // Conservative defaults keep the planner's tiling sane when neither says.
  if (f.l1d_bytes <= 0) f.l1d_bytes = 32 << 10;
  // The fewest ways of the cores this targets (Zen 4: 8; Zen 5 and
  // Sapphire Rapids: 12): smaller register blocks than a CPU with more
  // could take (oc_vector's max_pixels_by_l1_sets, ow_vector's
  // max_rows_by_l1_sets) are the cheap mistake.
  if (f.l1d_ways <= 0) f.l1d_ways = 8;
  if (f.l2_bytes <= 0) f.l2_bytes = 1 << 20;
  if (f.l3_bytes <= 0) f.l3_bytes = 8 << 20;
}

// What the hardware is, read once per process: in a VM each CPUID traps to
// the hypervisor, and reading them with every Engine made its construction
// cost 75-88 us on the KVM Xeon here (3.6 us with them read once).
CpuFacts hardware_facts() {
  using Xbyak::util::Cpu;
  Cpu cpu;
  CpuFacts f;
  f.vendor = vendor_string();
  f.model = brand_string();
  f.family = static_cast<unsigned>(cpu.displayFamily);
  f.model_id = static_cast<unsigned>(cpu.displayModel);
  f.stepping = static_cast<unsigned>(cpu.stepping);
  f.sse42 = cpu.has(Cpu::tSSE42);
  f.avx = cpu.has(Cpu::tAVX);
  f.avx2 = cpu.has(Cpu::tAVX2);
  f.fma = cpu.has(Cpu::tFMA);
  f.avx512f = cpu.has(Cpu::tAVX512F);
  f.avx512bw = cpu.has(Cpu::tAVX512BW);
  f.avx512vl = cpu.has(Cpu::tAVX512VL);
  f.avx512dq = cpu.has(Cpu::tAVX512DQ);
  f.detected_isa = f.avx512f && f.avx512bw && f.avx512vl && f.avx512dq ? Isa::avx512
                   : f.avx2 && f.fma                                    ? Isa::avx2
                                                                        : Isa::scalar;
  f.isa = f.detected_isa;
  read_caches(f);
  return f;
}

const CpuFacts& hardware() {
  static const CpuFacts facts = hardware_facts();
  return facts;
}

}  // namespace

int64_t last_level_cache_bytes() { return hardware().l3_bytes; }
int64_t l2_cache_bytes() { return hardware().l2_bytes; }

CpuFacts CpuFacts::detect(const std::string& cap) {
  CpuFacts f = hardware();
  std::string cap_word = cap;
  std::string cap_field = "max_isa";
  if (cap_word.empty()) {
    const char* env = std::getenv("CONVJIT_MAX_ISA");
    if (env && *env) {
      cap_word = env;
      cap_field = "CONVJIT_MAX_ISA";
    }
  }
  if (!cap_word.empty()) f.isa = std::min(f.isa, parse_isa(cap_word, cap_field));
  // Online CPUs can change while the process runs (hotplug, a new cpuset).
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  f.logical_cpus = n > 0 ? static_cast<int>(n) : 1;
  return f;
}

std::string CpuFacts::str() const {
  std::ostringstream os;
  os << vendor << " " << model << " family " << family << " model " << model_id
     << " isa " << to_string(isa) << " (detected " << to_string(detected_isa) << ")"
     << " L1d " << (l1d_bytes >> 10) << "K L2 " << (l2_bytes >> 10) << "K L3 "
     << (l3_bytes >> 10) << "K cpus " << logical_cpus;
  return os.str();
}

}  // namespace convjit
