#pragma once
// JitCode: the machine code for one (desc, plan), in pages that are never
// writable and executable at once. Immutable once made; shared by kernels.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "convjit/conv_desc.hpp"
#include "jit/call_args.hpp"
#include "planner/plan.hpp"
#include "planner/work_problem.hpp"

namespace convjit {

// A comment the emitter attaches to an offset of its code: the section that
// starts there (prologue, loops and their trip counts, register blocks,
// tails, post-ops, epilogue).
struct CodeNote {
  std::size_t offset = 0;
  std::string text;
};

class JitCode {
 public:
  virtual ~JitCode() = default;
  InnerFn entry(OcPart part) const { return entries_[static_cast<int>(part)]; }
  const uint8_t* code() const { return code_; }
  std::size_t size() const { return size_; }
  double compile_seconds() const { return compile_seconds_; }
  // Built on first use (a dump, a disassembly) by generating the same code
  // again with its notes: a plain compile builds none.
  const std::vector<CodeNote>& notes() const;

 protected:
  InnerFn entries_[2] = {nullptr, nullptr};
  const uint8_t* code_ = nullptr;
  std::size_t size_ = 0;
  double compile_seconds_ = 0;
  mutable std::vector<CodeNote> notes_;  // set by a subclass, or made by make_notes()

 private:
  virtual std::vector<CodeNote> make_notes() const { return {}; }
  mutable std::once_flag notes_made_;
};

// Emits the code of `plan` for `work` (plan.isa must be avx2 or avx512):
// its strategy's generator. Throws Error naming "plan" when the plan cannot
// be emitted.
std::shared_ptr<const JitCode> emit_code(const WorkProblem& work, const Plan& plan);

}  // namespace convjit
