#pragma once
// What every strategy's generator shares: data-type-neutral vector
// instructions with masked tails (AVX-512 opmasks, AVX2 vmaskmov), checked
// displacements and the section notes of annotated dumps. The vector
// instructions take any width (xmm, ymm, zmm, as Xbyak's common base): a
// generator templated on its full register type narrows a short tail.
#include <xbyak/xbyak.h>

#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "convjit/conv_desc.hpp"
#include "convjit/types.hpp"
#include "jit/call_args.hpp"
#include "jit/jit_code.hpp"
#include "planner/plan.hpp"

namespace convjit {

// A generator templated on its full vector register type runs AVX-512 code
// on Zmm (opmask tails), AVX2 code on Ymm (vmaskmov tails).
template <class Vmm>
inline constexpr bool kZmm = std::is_same_v<Vmm, Xbyak::Zmm>;

class VectorGenerator : public Xbyak::CodeGenerator {
 public:
  std::vector<CodeNote> take_notes() { return std::move(notes_); }
  InnerFn entry(OcPart part) const { return entries_[static_cast<int>(part)]; }

  // Weights of this many bytes or more do not stay in the L2 from one inner
  // call to the next beside the input and output (Sapphire Rapids has 2 MiB
  // of L2 a core, Zen 5 1 MiB): a kernel reading them prefetches the next
  // call's weights (CallArgs::wei_next) into the L2 while it computes, a line
  // per step of its input-channel loop (prefetch_next_weights()). Without,
  // each call's first pass over its weights waited on the L3: measured on
  // the Xeon in each strategy (oc_vector's kernel.cpp, winograd's
  // generator.cpp); below 1 MiB it cost 2-4% (ResNet-50 res3's 1x1 layers,
  // 256 KiB).
  static constexpr int64_t kStreamedWeightBytes = int64_t(1) << 20;

 protected:
  // Emits the code of `plan` for `desc` into `buffer`, plain memory that is
  // never executed: the code is copied into executable memory when done
  // (executable_memory.hpp). Xbyak throws ERR_CODE_IS_TOO_BIG when it fills.
  // annotate: with the notes of a dump (note()).
  VectorGenerator(const ConvDesc& desc, const Plan& plan, std::span<uint8_t> buffer, bool annotate);

  // The entry of full blocks of plan.oc_blk output channels (if `full`),
  // then 64-byte aligned the entry of the tail block of `tail` channels (if
  // any): generate(channels) emits one.
  template <class Generate>
  void emit_entries(bool full, int64_t tail, Generate&& generate) {
    if (full) {
      note([&] { return "entry: full block of " + std::to_string(plan_.oc_blk) + " output channels"; });
      entries_[int(OcPart::full)] = reinterpret_cast<InnerFn>(const_cast<uint8_t*>(getCurr()));
      generate(plan_.oc_blk);
    }
    if (tail) {
      align_code(64);
      note([&] { return "entry: output-channel tail of " + std::to_string(tail) + " channels"; });
      entries_[int(OcPart::tail)] = reinterpret_cast<InnerFn>(const_cast<uint8_t*>(getCurr()));
      generate(static_cast<int>(tail));
    }
  }

  // A line of args.wei_next into the L2, and args.wei_next on by a line. The
  // pointer lives in the argument block (a loop may have no register left),
  // which the callers pass as a copy of their own.
  void prefetch_next_weights();

  // Marks the start of a section of the code, in annotated code only (for a
  // dump or a disassembly): `text` is a string, or a callable that builds
  // it, called only then, so that plain compiles build no strings.
  void note(const char* text) {
    if (annotate_) notes_.push_back({getSize(), text});
  }
  template <class Text>
  void note(Text&& text) {
    if (annotate_) notes_.push_back({getSize(), text()});
  }
  // The post-ops of a block, for every generator, in the order the
  // interpreters apply them (PlanInterpreter::with_post_ops): for each of
  // `groups` sets of accumulators that share a bias, load_bias(tmp, group)
  // and add it; then ReLU against `tmp` zeroed. accs(group): the set.
  template <class Accs, class LoadBias>
  void post_ops(int groups, Accs&& accs, LoadBias&& load_bias, const Xbyak::Xmm& tmp) {
    if (desc_.post_ops.bias)
      for (int g = 0; g < groups; ++g) {
        load_bias(tmp, g);
        for (const Xbyak::Xmm& a : accs(g)) add(a, a, tmp);
      }
    if (!desc_.post_ops.relu) return;
    vxorps(tmp, tmp, tmp);
    for (int g = 0; g < groups; ++g)
      for (const Xbyak::Xmm& a : accs(g)) max(a, a, tmp);
  }
  // index elements as a 32-bit displacement; throws Error naming "plan" when
  // it does not fit.
  int32_t disp(int64_t index) const;
  // lanes < lanes_of(v): only the first `lanes` lanes, through `mask` on
  // AVX-512, or the mask vector reloaded from a table on AVX2 (clobbers
  // reg_tmp).
  void load(const Xbyak::Xmm& v, const Xbyak::Address& a, int lanes, const Xbyak::Opmask& mask);
  void store(const Xbyak::Address& a, const Xbyak::Xmm& v, int lanes, const Xbyak::Opmask& mask);
  void fma(const Xbyak::Xmm& acc, const Xbyak::Xmm& x, const Xbyak::Operand& w);
  void broadcast(const Xbyak::Xmm& v, const Xbyak::Address& a);
  // d = a + b and d = max(a, b) in the data type: the post-ops (bias, then
  // ReLU against a zeroed register) and the sums of accumulator chains.
  void add(const Xbyak::Xmm& d, const Xbyak::Xmm& a, const Xbyak::Operand& b);
  void max(const Xbyak::Xmm& d, const Xbyak::Xmm& a, const Xbyak::Operand& b);
  using Xbyak::CodeGenerator::add;
  int lanes_of(const Xbyak::Xmm& v) const { return v.getBit() / (8 * bytes_); }
  // Pads with nops to a multiple of `bytes` from the code's start, which
  // executable memory places on a 64-byte boundary (Xbyak's align() counts
  // from the buffer's address, which the copy does not keep, and which
  // moves when the buffer grows: the same plan gave other bytes).
  void align_code(int bytes);
  // reg += bytes: an immediate where it fits in 32 bits, else through
  // reg_tmp; nothing for 0.
  void add_imm(const Xbyak::Reg64& reg, int64_t bytes);
  // Saves the callee-saved registers the code uses (System V: rbx, rbp,
  // r12-r15); return_restoring() pops them, clears the upper vector state
  // and returns.
  void save_registers(std::vector<Xbyak::Reg64> used);
  void return_restoring();
  // Vector register `idx` of those a plan may allocate: the ISA's (32 on
  // AVX-512, 16 on AVX2) but AVX2's tail mask, ymm15. A plan that asks for
  // more throws Error naming "plan" here, at generation: never an EVEX-only
  // register in AVX2 code.
  int reg(int idx) const {
    if (idx < 0 || idx >= registers_) [[unlikely]]
      refuse_register(idx);
    return idx;
  }
  // The narrowest of 128, 256 and `bits` that holds `lanes` elements: a
  // tail that fills a quarter or half a vector moves in an xmm or ymm, so it
  // reads and writes no more than it needs (a wider masked move still
  // splits where it spans two cache lines).
  int narrowest_bits(int lanes, int bits) const {
    while (bits > 128 && lanes * bytes_ * 8 <= bits / 2) bits /= 2;
    return bits;
  }
  // Register reg(idx) at `bits` wide (128, 256 or 512).
  Xbyak::Xmm vec(int idx, int bits) const {
    idx = reg(idx);
    return bits == 512 ? Xbyak::Xmm(Xbyak::Zmm(idx)) : bits == 256 ? Xbyak::Xmm(Xbyak::Ymm(idx)) : Xbyak::Xmm(idx);
  }
  // The mask register of AVX2 tails: the last of the 16.
  static Xbyak::Ymm mask_vec() { return Xbyak::Ymm(15); }

  const ConvDesc& desc_;
  const Plan& plan_;
  const int bytes_;
  const int vlen_;
  const bool opmasks_;  // AVX-512: tails through opmasks

  // General registers every generator's loops use, by role (System V's
  // argument and scratch registers first); a strategy names the rest.
  const Xbyak::Reg64 reg_args = rdi;
  const Xbyak::Reg64 reg_src_row = rsi;   // input of the current row (block)
  const Xbyak::Reg64 reg_dst_row = rdx;   // output of the current row (block)
  const Xbyak::Reg64 reg_src_w = rcx;     // input of the current width block
  const Xbyak::Reg64 reg_dst_w = r8;      // output of the current width block
  const Xbyak::Reg64 reg_src_tap = r9;    // input of the current tap
  const Xbyak::Reg64 reg_wei_tap = r10;   // weights of the current tap
  const Xbyak::Reg64 reg_rows_left = r11;
  const Xbyak::Reg64 reg_w_left = rax;
  const Xbyak::Reg64 reg_tmp = r14;

 private:
  void load_ymm_mask(int lanes);
  // The AVX2 mask for `lanes`, loaded, as a register of v's width.
  Xbyak::Xmm load_mask_as(const Xbyak::Xmm& v, int lanes);
  [[noreturn]] void refuse_register(int idx) const;
  const bool annotate_;
  const int registers_;  // allocatable_registers(): AVX2's mask is not the plan's
  std::vector<CodeNote> notes_;
  std::vector<Xbyak::Reg64> saved_;
  InnerFn entries_[2] = {nullptr, nullptr};
};

}  // namespace convjit
