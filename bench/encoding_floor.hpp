#pragma once
// convjit_bench --encoding-floor: code generation against its floor, Xbyak
// encoding the same instructions and nothing else (issue 18: "within 1.5x
// of Xbyak's encoding time for the same instructions"). Each kernel's code
// is decoded (Zydis) and replayed through a plain Xbyak::CodeGenerator, one
// Xbyak call per instruction, and the replayed bytes are checked against
// the kernel's, so the floor is known to encode what the generator did.
#include <ostream>
#include <string>
#include <vector>

namespace convjit::bench {

struct FloorOptions {
  std::vector<std::string> suites;  // empty: the default suites
  std::vector<std::string> dts;     // empty: each suite's default
  std::string isa;                  // "avx512" or "avx2"; empty: CONVJIT_MAX_ISA, else the CPU's best
};

// Prints the Markdown table (a row per problem, then the summary) to `out`;
// returns the exit status. Throws Error on a bad option.
int encoding_floor(const FloorOptions& options, std::ostream& out);

}  // namespace convjit::bench
