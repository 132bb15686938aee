#include "strategies/winograd/generator.hpp"

#include <algorithm>
#include <string>

#include "convjit/error.hpp"
#include "jit/generated_code.hpp"
#include "strategies/winograd/strategy.hpp"

namespace convjit {

template <class Vmm>
WinogradGenerator<Vmm>::WinogradGenerator(const ConvDesc& desc, const Plan& plan, std::span<uint8_t> buffer,
                                          bool annotate)
    : VectorGenerator(desc, plan, buffer, annotate), geo_(WinogradGeometry::of(desc, plan)) {
  // The driver pads the output channels to whole blocks: one entry.
  emit_entries(true, 0, [&](int) { generate_entry(); });
}

template <class Vmm>
void WinogradGenerator<Vmm>::generate_entry() {
  const int ur = plan_.ur_w;
  note("prologue: save callee-saved registers, load the arguments");
  save_registers({reg_wei, reg_ic_left, reg_sums_left, reg_tmp});
  mov(reg_src_row, ptr[reg_args + offsetof(CallArgs, src)]);
  mov(reg_wei, ptr[reg_args + offsetof(CallArgs, wei)]);
  mov(reg_dst_row, ptr[reg_args + offsetof(CallArgs, dst)]);
  // Blocks of ur tiles, then the tiles left over one at a time where the
  // driver pads no block (WinogradGeometry::tail_singly).
  auto loop = [&](size_t count_field, int tiles) {
    Xbyak::Label again, done;
    mov(reg_rows_left, ptr[reg_args + count_field]);
    test(reg_rows_left, reg_rows_left);
    jz(done, T_NEAR);
    L(again);
    note([&] {
      return (tiles > 1 ? "block loop: args.row_blocks blocks of " + std::to_string(tiles) + " tiles x "
                        : std::string("tile loop: args.row_tail single tiles x ")) +
             std::to_string(plan_.oc_blk) + " output channels";
    });
    block(tiles);
    add_imm(reg_src_row, int64_t(tiles) * geo_.icg * bytes_);
    add_imm(reg_dst_row, int64_t(tiles) * geo_.ocp * bytes_);
    dec(reg_rows_left);
    jnz(again, T_NEAR);
    L(done);
  };
  loop(offsetof(CallArgs, row_blocks), ur);
  if (ur > 1) loop(offsetof(CallArgs, row_tail), 1);
  note("epilogue: restore registers, vzeroupper, return");
  return_restoring();
}

template <class Vmm>
void WinogradGenerator<Vmm>::block(int tiles) {
  mov(reg_src_tap, reg_src_row);
  mov(reg_wei_tap, reg_wei);
  // `count` partial sums taken by `sum`, the first into M (first) or all
  // added to it; a loop where more than one.
  auto sums = [&](int64_t count, bool first, auto&& sum) {
    if (count <= 0) return;
    sum(first);
    if (count == 1) return;
    Xbyak::Label sum_loop;
    mov(reg_sums_left, count - 1);
    L(sum_loop);
    sum(false);
    dec(reg_sums_left);
    jnz(sum_loop, T_NEAR);
  };
  const int64_t K = geo_.sum_block, whole = geo_.icg / K, rest = geo_.icg % K;
  if (tiles == 1 && regs().pairs_sums() && whole >= 2) {
    // A single tile's few accumulators chain their FMAs (a 4-vector block
    // ran at half the FMA rate: VGG-19 conv4_2's 9 tiles past its blocks),
    // so whole partial sums go two at a time.
    sums(whole / 2, true, [&](bool first) { partial_sums(1, K, true, first); });
    if (whole % 2) partial_sums(1, K, false, false);
  } else {
    sums(whole, true, [&](bool first) { partial_sums(tiles, K, false, first); });
  }
  if (rest) partial_sums(tiles, rest, false, whole == 0);
}

template <class Vmm>
void WinogradGenerator<Vmm>::partial_sums(int tiles, int64_t channels, bool paired, bool first) {
  const int vecs = plan_.oc_blk / vlen_, sets = paired ? 2 : 1;
  // Set 1, the paired sum of a single tile, takes the next `channels`
  // channels in the registers of the block's other tiles.
  auto sum_acc = [&](int s, int t, int v) { return s ? Vmm(reg(regs().pair_acc(v))) : acc(t, v); };
  auto sum_wei = [&](int s, int v) { return s ? Vmm(reg(regs().pair_weight(v))) : wei_vec(v); };
  auto sum_in = [&](int s) { return s ? Vmm(reg(regs().pair_input())) : in_vec(); };
  for (int s = 0; s < sets; ++s)
    for (int t = 0; t < tiles; ++t)
      for (int v = 0; v < vecs; ++v) vxorps(sum_acc(s, t, v), sum_acc(s, t, v), sum_acc(s, t, v));
  Xbyak::Label ic_loop;
  mov(reg_ic_left, channels);
  L(ic_loop);
  note([&] {
    return "input-channel loop: " + std::string(paired ? "two partial sums of " : "") + std::to_string(channels) +
           " channels" + (paired ? " side by side" : "") + ", their weights loaded, each tile's input broadcast" +
           (geo_.streams_weights ? ", a line of the next call's weights prefetched a channel" : "");
  });
  for (int s = 0; s < sets; ++s) {
    if (geo_.streams_weights) prefetch_next_weights();
    for (int v = 0; v < vecs; ++v)
      load(sum_wei(s, v), ptr[reg_wei_tap + disp(s * channels * plan_.oc_blk + int64_t(v) * vlen_)], vlen_,
           Xbyak::Opmask(0));
  }
  for (int t = 0; t < tiles; ++t)
    for (int s = 0; s < sets; ++s) {
      broadcast(sum_in(s), ptr[reg_src_tap + disp(t * geo_.icg + s * channels)]);
      for (int v = 0; v < vecs; ++v) fma(sum_acc(s, t, v), sum_in(s), sum_wei(s, v));
    }
  add_imm(reg_src_tap, bytes_);
  add_imm(reg_wei_tap, int64_t(plan_.oc_blk) * bytes_);
  dec(reg_ic_left);
  jnz(ic_loop, T_NEAR);
  if (paired) {
    add_imm(reg_src_tap, channels * bytes_);
    add_imm(reg_wei_tap, channels * plan_.oc_blk * bytes_);
  }
  // M = sum (first) or sum + M, then with the paired sum: the bits of the
  // two sums added one by one.
  note(first ? "store the block's first partial sum" : "add the partial sum to the block's products");
  for (int t = 0; t < tiles; ++t)
    for (int v = 0; v < vecs; ++v) {
      const Xbyak::Address at = ptr[reg_dst_row + disp(t * geo_.ocp + int64_t(v) * vlen_)];
      if (!first) add(acc(t, v), acc(t, v), at);
      if (paired) add(acc(t, v), sum_acc(1, t, v), acc(t, v));
      store(at, acc(t, v), vlen_, Xbyak::Opmask(0));
    }
}

template class WinogradGenerator<Xbyak::Zmm>;
template class WinogradGenerator<Xbyak::Ymm>;

std::shared_ptr<const JitCode> Winograd::emit(const WorkProblem& work, const Plan& plan) const {
  return generate<WinogradGenerator>(work, plan);
}

}  // namespace convjit
