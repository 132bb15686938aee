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
  const int vecs = plan_.oc_blk / vlen_;
  // Large transformed weights: the next call's (the next output-channel
  // block or position) are prefetched a line per input channel, all of them
  // where the call runs as many blocks of tiles as a block's output channels
  // take lines (oc_blk / 16 in f32), most of them otherwise. Without, a
  // call's first block waited on its weights from the L3 (ResNet-50 res5 at
  // batch 1: 16.8 MB of them read at 5-7 GB/s, where a plain read of 16 MB
  // streams at 19 GB/s). Measured (Xeon, 1 thread, nCx16c, alternated in
  // one process): res5 0.70-0.74 of the time without, res4 0.75-0.78, res3
  // 0.87-0.94, VGG-19 conv4 and conv5 0.83-0.86 at batch 1; res2 (590 KB)
  // 0.98-1.02; two lines an input channel, or to the L1 or the L3, did less.
  const bool prefetches_weights = geo_.u_group * desc_.g * bytes_ >= kStreamedWeightBytes;
  mov(reg_src_tap, reg_src_row);
  mov(reg_wei_tap, reg_wei);
  // A partial sum over `channels` input channels, stored to M (the first)
  // or added to what M holds.
  auto partial_sum = [&](int64_t channels, bool first) {
    for (int t = 0; t < tiles; ++t)
      for (int v = 0; v < vecs; ++v) vxorps(acc(t, v), acc(t, v), acc(t, v));
    Xbyak::Label ic_loop;
    mov(reg_ic_left, channels);
    L(ic_loop);
    note([&] {
      return "input-channel loop: " + std::to_string(channels) +
             " channels, their weights loaded, each tile's input broadcast" +
             (prefetches_weights ? ", a line of the next call's weights prefetched" : "");
    });
    if (prefetches_weights) prefetch_next_weights();
    for (int v = 0; v < vecs; ++v)
      load(wei_vec(v), ptr[reg_wei_tap + disp(int64_t(v) * vlen_)], vlen_, Xbyak::Opmask(0));
    for (int t = 0; t < tiles; ++t) {
      broadcast(in_vec(), ptr[reg_src_tap + disp(t * geo_.icg)]);
      for (int v = 0; v < vecs; ++v) fma(acc(t, v), in_vec(), wei_vec(v));
    }
    add_imm(reg_src_tap, bytes_);
    add_imm(reg_wei_tap, int64_t(plan_.oc_blk) * bytes_);
    dec(reg_ic_left);
    jnz(ic_loop, T_NEAR);
    note(first ? "store the block's first partial sum" : "add the partial sum to the block's products");
    for (int t = 0; t < tiles; ++t)
      for (int v = 0; v < vecs; ++v) {
        const Xbyak::Address at = ptr[reg_dst_row + disp(t * geo_.ocp + int64_t(v) * vlen_)];
        if (!first) add(acc(t, v), acc(t, v), at);
        store(at, acc(t, v), vlen_, Xbyak::Opmask(0));
      }
  };
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
  const int64_t K = WinogradGeometry::kSumBlock, whole = geo_.icg / K, rest = geo_.icg % K;
  if (tiles == 1 && plan_.ur_w >= 4 && whole >= 2) {
    // A single tile's few accumulators chain their FMAs (a 4-vector block
    // ran at half the FMA rate: ResNet-50 res3's 49th tile), so whole
    // partial sums go two at a time, the second in other tiles' registers,
    // added in the order they would be one by one (the same bits).
    sums(whole / 2, true, [&](bool first) { partial_pair(K, first); });
    if (whole % 2) partial_sum(K, false);
  } else {
    sums(whole, true, [&](bool first) { partial_sum(K, first); });
  }
  if (rest) partial_sum(rest, whole == 0);
}

template <class Vmm>
void WinogradGenerator<Vmm>::partial_pair(int64_t channels, bool first) {
  const int vecs = plan_.oc_blk / vlen_;
  const bool prefetches_weights = geo_.u_group * desc_.g * bytes_ >= kStreamedWeightBytes;
  // The second sum's registers: tile 1's accumulators, tile 2's for its
  // weights, tile 3's first for its input.
  auto acc_b = [&](int v) { return acc(1, v); };
  auto wei_b = [&](int v) { return acc(2, v); };
  const Vmm in_b = acc(3, 0);
  const int64_t wei_apart = channels * plan_.oc_blk;
  for (int v = 0; v < vecs; ++v) {
    vxorps(acc(0, v), acc(0, v), acc(0, v));
    vxorps(acc_b(v), acc_b(v), acc_b(v));
  }
  Xbyak::Label ic_loop;
  mov(reg_ic_left, channels);
  L(ic_loop);
  note([&] {
    return "input-channel loop: two partial sums of " + std::to_string(channels) +
           " channels side by side, their weights loaded, the tile's inputs broadcast" +
           (prefetches_weights ? ", two lines of the next call's weights prefetched" : "");
  });
  if (prefetches_weights) {
    prefetch_next_weights();
    prefetch_next_weights();
  }
  for (int v = 0; v < vecs; ++v) {
    load(wei_vec(v), ptr[reg_wei_tap + disp(int64_t(v) * vlen_)], vlen_, Xbyak::Opmask(0));
    load(wei_b(v), ptr[reg_wei_tap + disp(wei_apart + int64_t(v) * vlen_)], vlen_, Xbyak::Opmask(0));
  }
  broadcast(in_vec(), ptr[reg_src_tap]);
  broadcast(in_b, ptr[reg_src_tap + disp(channels)]);
  for (int v = 0; v < vecs; ++v) {
    fma(acc(0, v), in_vec(), wei_vec(v));
    fma(acc_b(v), in_b, wei_b(v));
  }
  add_imm(reg_src_tap, bytes_);
  add_imm(reg_wei_tap, int64_t(plan_.oc_blk) * bytes_);
  dec(reg_ic_left);
  jnz(ic_loop, T_NEAR);
  add_imm(reg_src_tap, channels * bytes_);
  add_imm(reg_wei_tap, wei_apart * bytes_);
  note(first ? "the second sum added to the first, stored" : "both sums added to the block's products in turn");
  for (int v = 0; v < vecs; ++v) {
    const Xbyak::Address at = ptr[reg_dst_row + disp(int64_t(v) * vlen_)];
    if (!first) add(acc(0, v), acc(0, v), at);
    add(acc(0, v), acc_b(v), acc(0, v));
    store(at, acc(0, v), vlen_, Xbyak::Opmask(0));
  }
}

template class WinogradGenerator<Xbyak::Zmm>;
template class WinogradGenerator<Xbyak::Ymm>;

std::shared_ptr<const JitCode> Winograd::emit(const WorkProblem& work, const Plan& plan) const {
  return generate<WinogradGenerator>(work, plan);
}

}  // namespace convjit
