#include "strategies/oc_vector/generator.hpp"

#include "convjit/error.hpp"
#include "jit/generated_code.hpp"
#include "strategies/oc_vector/strategy.hpp"

namespace convjit {
namespace {

// Runs of at least kMinLoopedColumns width taps that every pixel of a block
// reads (a filter as wide as a flattened image) loop kLoopedColumns at a time.
constexpr int64_t kMinLoopedColumns = 16, kLoopedColumns = 4;

}  // namespace

template <class Vmm>
OcVectorGenerator<Vmm>::OcVectorGenerator(const ConvDesc& desc, const Plan& plan,
                                           std::span<uint8_t> buffer, bool annotate)
    : VectorGenerator(desc, plan, buffer, annotate),
      geo_(ChannelGeometry::of(desc, plan)) {
  emit_entries(geo_.oc_blocks > 0, geo_.oc_tail, [&](int channels) { generate_entry(channels); });
}

template <class Vmm>
void OcVectorGenerator<Vmm>::generate_entry(int channels) {
  const int vecs = (channels + vlen_ - 1) / vlen_, last_lanes = channels - (vecs - 1) * vlen_;
  note("prologue: save callee-saved registers, load the arguments");
  save_registers({rbx, rbp, r12, r13, r14, r15});
  mov(reg_src_row, ptr[reg_args + offsetof(CallArgs, src)]);
  mov(reg_wei, ptr[reg_args + offsetof(CallArgs, wei)]);
  mov(reg_dst_row, ptr[reg_args + offsetof(CallArgs, dst)]);
  mov(reg_rows_left, ptr[reg_args + offsetof(CallArgs, row_blocks)]);
  mov(reg_flags, ptr[reg_args + offsetof(CallArgs, flags)]);
  if constexpr (kZmm<Vmm>) {
    if (last_lanes < vlen_) {
      mov(reg_tmp.cvt32(), (1u << last_lanes) - 1);
      kmovw(k_tail, reg_tmp.cvt32());
    }
  }

  Xbyak::Label row_loop, done;
  test(reg_rows_left, reg_rows_left);
  jz(done, T_NEAR);
  L(row_loop);
  note("row loop: args.row_blocks output rows");
  mov(reg_src_w, reg_src_row);
  mov(reg_dst_w, reg_dst_row);
  // Full blocks that read width padding are peeled off both ends of the
  // loop, so the loop's blocks check nothing.
  const int64_t ur_w = plan_.ur_w, blocks = geo_.w_blocks;
  int64_t left = 0, right = 0;
  while (left < blocks && in_padding(left * ur_w, plan_.ur_w)) ++left;
  while (right < blocks - left && in_padding((blocks - 1 - right) * ur_w, plan_.ur_w)) ++right;
  auto next_block = [&] {
    add_imm(reg_src_w, ur_w * desc_.s[ConvDesc::W] * geo_.in_pix * bytes_);
    add_imm(reg_dst_w, ur_w * geo_.out_pix * bytes_);
  };
  for (int64_t i = 0; i < left; ++i) {
    note([&] { return "pixel block at column " + std::to_string(i * ur_w) + ": skips the left padding"; });
    block({plan_.ur_w, vecs, last_lanes, i * ur_w});
    next_block();
  }
  Xbyak::Label w_done, tail_done;
  if (geo_.shares_row) {
    // The driver's share of the row: args.w_blocks blocks, the tail if asked.
    note("pixel loop: args.w_blocks blocks, then the tail if args.w_tail_too");
    mov(reg_w_left, ptr[reg_args + offsetof(CallArgs, w_blocks)]);
    test(reg_w_left, reg_w_left);
    jz(w_done, T_NEAR);
  }
  if (const int64_t looped = blocks - left - right) {
    Xbyak::Label w_loop;
    if (!geo_.shares_row) mov(reg_w_left, looped);
    L(w_loop);
    note([&] { return "pixel loop: " + std::to_string(looped) + " blocks of " + std::to_string(ur_w) + " output pixels"; });
    block({plan_.ur_w, vecs, last_lanes});
    next_block();
    dec(reg_w_left);
    jnz(w_loop, T_NEAR);
  }
  for (int64_t i = blocks - right; i < blocks; ++i) {
    note([&] { return "pixel block at column " + std::to_string(i * ur_w) + ": skips the right padding"; });
    block({plan_.ur_w, vecs, last_lanes, i * ur_w});
    next_block();
  }
  L(w_done);
  if (geo_.w_tail) {
    if (geo_.shares_row) {
      cmp(qword[reg_args + offsetof(CallArgs, w_tail_too)], 0);
      je(tail_done, T_NEAR);
    }
    note([&] { return "pixel tail: " + std::to_string(geo_.w_tail) + " output pixels"; });
    block({static_cast<int>(geo_.w_tail), vecs, last_lanes, blocks * ur_w});
  }
  L(tail_done);
  add_imm(reg_src_row, desc_.s[ConvDesc::H] * geo_.in_row * bytes_);
  add_imm(reg_dst_row, geo_.out_row * bytes_);
  dec(reg_rows_left);
  jnz(row_loop, T_NEAR);
  L(done);
  note("epilogue: restore registers, vzeroupper, return");
  return_restoring();
}

template <class Vmm>
bool OcVectorGenerator<Vmm>::reads(const Block& b, int j, int64_t x) const {
  if (b.w0 < 0) return true;
  // Staged or not, the block's columns are addressed from the image's
  // column -p, and the staged padding is skipped like the user's.
  const int64_t col = (b.w0 + j) * desc_.s[ConvDesc::W] - desc_.p[ConvDesc::W] + x * (desc_.d[ConvDesc::W] + 1);
  return col >= 0 && col < desc_.i[ConvDesc::W];
}

template <class Vmm>
bool OcVectorGenerator<Vmm>::in_padding(int64_t w0, int pixels) const {
  const Block b{pixels, 1, vlen_, w0};
  for (int j = 0; j < pixels; ++j)
    for (int64_t x = 0; x < desc_.k[ConvDesc::W]; ++x)
      if (!reads(b, j, x)) return true;
  return false;
}

template <class Vmm>
void OcVectorGenerator<Vmm>::block(const Block& b) {
  note([&] { return "register block: " + std::to_string(b.pixels) + " pixels x " + std::to_string(b.vecs) +
       " vectors, last vector " + std::to_string(b.last_lanes) + " lanes: init from dst or zero"; });
  Xbyak::Label zero, init_done;
  test(reg_flags, kAccumulate);
  jz(zero, T_NEAR);
  for (int j = 0; j < b.pixels; ++j)
    for (int v = 0; v < b.vecs; ++v)
      load(acc(b, j, v), ptr[reg_dst_w + disp(j * geo_.out_pix + geo_.out_channel(v * vlen_))], b.lanes(v, vlen_));
  jmp(init_done, T_NEAR);
  L(zero);
  for (int j = 0; j < b.pixels; ++j)
    for (int v = 0; v < b.vecs; ++v) vxorps(acc(b, j, v), acc(b, j, v), acc(b, j, v));
  L(init_done);
  for (int s = 1; s < geo_.chains; ++s)
    for (int j = 0; j < b.pixels; ++j)
      for (int v = 0; v < b.vecs; ++v) vxorps(acc(b, j, v, s), acc(b, j, v, s), acc(b, j, v, s));

  // kd and kh loop at run time; kw and the input channels are unrolled.
  const int64_t kd = desc_.k[ConvDesc::D], kh = desc_.k[ConvDesc::H], kw = desc_.k[ConvDesc::W];
  const int64_t row_step = (desc_.d[ConvDesc::H] + 1) * geo_.in_row;
  const int64_t plane_step = (desc_.d[ConvDesc::D] + 1) * geo_.in_plane;
  mov(reg_src_tap, reg_src_w);
  mov(reg_wei_tap, reg_wei);
  Xbyak::Label kd_loop, kh_loop, taps_done;
  // Planes of taps from the driver: fewer than kd next to depth padding.
  mov(reg_kd_left, ptr[reg_args + offsetof(CallArgs, kd_count)]);
  test(reg_kd_left, reg_kd_left);
  jz(taps_done, T_NEAR);
  L(kd_loop);
  // Rows of taps from the driver: fewer than kh next to height padding.
  mov(reg_kh_left, ptr[reg_args + offsetof(CallArgs, kh_count)]);
  test(reg_kh_left, reg_kh_left);
  jz(taps_done, T_NEAR);
  L(kh_loop);
  note([&] { return "taps: depth loop x" + std::to_string(kd) + ", height loop x" + std::to_string(kh) +
       ", width x" + std::to_string(kw) + (kw >= kMinLoopedColumns ? " (long runs looped)" : " unrolled") +
       ", input channels x" + std::to_string(plan_.ic_blk) +
       " in steps of " + std::to_string(geo_.ic_unroll) +
       (geo_.streams_weights ? ", a line of the next call's weights prefetched per step" : ""); });
  taps(b);
  add_imm(reg_src_tap, row_step * bytes_);
  add_imm(reg_wei_tap, kw * geo_.wei_tap * bytes_);
  dec(reg_kh_left);
  jnz(kh_loop, T_NEAR);
  if (kd > 1) {
    // On to the next plane's first row of taps, past the rows skipped.
    mov(reg_tmp, ptr[reg_args + offsetof(CallArgs, kh_count)]);
    imul(reg_tmp, reg_tmp, disp(row_step));
    sub(reg_src_tap, reg_tmp);
    add_imm(reg_src_tap, plane_step * bytes_);
    mov(reg_tmp, kh);
    sub(reg_tmp, ptr[reg_args + offsetof(CallArgs, kh_count)]);
    imul(reg_tmp, reg_tmp, disp(kw * geo_.wei_tap));
    add(reg_wei_tap, reg_tmp);
  }
  dec(reg_kd_left);
  jnz(kd_loop, T_NEAR);
  L(taps_done);
  sum_chains(b);
  epilogue(b);
}

template <class Vmm>
template <class Column>
void OcVectorGenerator<Vmm>::tap_columns(const Block& b, Column column) {
  // The columns every pixel of the block reads are contiguous; when they
  // are many, they run in a loop that advances the tap registers, so that
  // the code stays in the L1.
  const int64_t kw = desc_.k[ConvDesc::W];
  auto read_by_all = [&](int64_t x) {
    for (int j = 0; j < b.pixels; ++j)
      if (!reads(b, j, x)) return false;
    return true;
  };
  int64_t lo = 0;
  while (lo < kw && !read_by_all(lo)) ++lo;
  int64_t hi = lo;
  while (hi < kw && read_by_all(hi)) ++hi;
  const int64_t loops = hi - lo >= kMinLoopedColumns ? (hi - lo) / kLoopedColumns : 0;
  const int64_t looped_end = lo + loops * kLoopedColumns;
  for (int64_t x = 0; x < kw; ++x) {
    if (loops == 0 || x != lo) {
      column(x);
      continue;
    }
    const int64_t src_step = kLoopedColumns * (desc_.d[ConvDesc::W] + 1) * geo_.in_pix * bytes_;
    const int64_t wei_step = kLoopedColumns * geo_.wei_tap * bytes_;
    Xbyak::Label column_loop;
    push(static_cast<uint32_t>(loops));  // the count lives on the stack: no register is free
    L(column_loop);
    for (int64_t c = 0; c < kLoopedColumns; ++c) column(lo + c);
    add_imm(reg_src_tap, src_step);
    add_imm(reg_wei_tap, wei_step);
    dec(qword[rsp]);
    jnz(column_loop, T_NEAR);
    add(rsp, 8);
    add_imm(reg_src_tap, -loops * src_step);
    add_imm(reg_wei_tap, -loops * wei_step);
    x = looped_end - 1;
  }
}

template <class Vmm>
void OcVectorGenerator<Vmm>::taps(const Block& b) {
  auto reads_any = [&](int64_t x) {
    for (int j = 0; j < b.pixels; ++j)
      if (reads(b, j, x)) return true;
    return false;
  };
  const int64_t sw = desc_.s[ConvDesc::W], dw1 = desc_.d[ConvDesc::W] + 1;
  const int64_t unroll = geo_.ic_unroll;
  if (geo_.depthwise) {
    // Each channel reads its own input channel: vectors of inputs, no
    // broadcast, no input-channel loop.
    tap_columns(b, [&](int64_t x) {
      if (!reads_any(x)) return;
      for (int v = 0; v < b.vecs; ++v)
        load(wei_vec(b, v), ptr[reg_wei_tap + disp(x * geo_.wei_tap + v * vlen_)], vlen_);
      for (int j = 0; j < b.pixels; ++j)
        for (int v = 0; v < b.vecs && reads(b, j, x); ++v) {
          const int64_t in = (j * sw + x * dw1) * geo_.in_pix + geo_.in_channel(v * vlen_);
          load(in_vec(b), ptr[reg_src_tap + disp(in)], b.lanes(v, vlen_));
          fma(acc(b, j, v), wei_vec(b, v), in_vec(b));
        }
    });
    return;
  }
  tap_columns(b, [&](int64_t x) {
    if (!reads_any(x)) return;
    // Steps of the pass; one over every channel block whose last block is
    // partial counts down from a whole number of blocks' steps, so that
    // block ends still fall where the count is a multiple of a block's.
    const int64_t steps = plan_.ic_blk / unroll, steps_per_block = geo_.in_block / unroll;
    const int64_t steps_from = plan_.ic_blk <= geo_.in_block
                                   ? steps
                                   : (steps + steps_per_block - 1) / steps_per_block * steps_per_block;
    Xbyak::Label ic_loop;
    mov(reg_ic_left, steps_from);
    L(ic_loop);
    for (int64_t u = 0; u < unroll; ++u) {
      for (int v = 0; v < b.vecs; ++v)
        load(wei_vec(b, v), ptr[reg_wei_tap + disp(x * geo_.wei_tap + u * plan_.oc_blk + v * vlen_)], vlen_);
      for (int j = 0; j < b.pixels; ++j) {
        if (!reads(b, j, x)) continue;
        const int32_t in = disp((j * sw + x * dw1) * geo_.in_pix + u);
        const int s = static_cast<int>(u % geo_.chains);
        if (kZmm<Vmm> && b.vecs == 1) {
          // Embedded broadcast: one uop instead of a broadcast and an FMA.
          fma(acc(b, j, 0, s), wei_vec(b, 0), ptr_b[reg_src_tap + in]);
          continue;
        }
        broadcast(in_vec(b), ptr[reg_src_tap + in]);
        for (int v = 0; v < b.vecs; ++v) fma(acc(b, j, v, s), wei_vec(b, v), in_vec(b));
      }
    }
    if (geo_.streams_weights) prefetch_next_weights();
    add(reg_src_tap, disp(unroll));
    add(reg_wei_tap, disp(unroll * plan_.oc_blk));
    dec(reg_ic_left);
    if (plan_.ic_blk <= geo_.in_block) {
      jnz(ic_loop, T_NEAR);
      sub(reg_src_tap, disp(plan_.ic_blk));
    } else {
      // A pass over several channel blocks: at the end of each, on to the next.
      Xbyak::Label ic_done;
      const int64_t jump = geo_.in_cblock - geo_.in_block;
      const int64_t jumps = (plan_.ic_blk + geo_.in_block - 1) / geo_.in_block - 1;
      if (steps_from == steps) {
        jz(ic_done, T_NEAR);
      } else {
        cmp(reg_ic_left, steps_from - steps);
        je(ic_done, T_NEAR);
      }
      test(reg_ic_left, steps_per_block - 1);
      jnz(ic_loop, T_NEAR);
      add_imm(reg_src_tap, jump * bytes_);
      jmp(ic_loop, T_NEAR);
      L(ic_done);
      add_imm(reg_src_tap, -(plan_.ic_blk + jumps * jump) * bytes_);
    }
    sub(reg_wei_tap, disp(int64_t(plan_.ic_blk) * plan_.oc_blk));
  });
}

template <class Vmm>
void OcVectorGenerator<Vmm>::sum_chains(const Block& b) {
  if (geo_.chains == 1) return;
  note([&] { return "sum the " + std::to_string(geo_.chains) + " accumulator sets pairwise"; });
  for (int half = static_cast<int>(geo_.chains) / 2; half >= 1; half /= 2)
    for (int s = 0; s < half; ++s)
      for (int j = 0; j < b.pixels; ++j)
        for (int v = 0; v < b.vecs; ++v) {
          add(acc(b, j, v, s), acc(b, j, v, s), acc(b, j, v, s + half));
        }
}

template <class Vmm>
void OcVectorGenerator<Vmm>::epilogue(const Block& b) {
  note([&] { return std::string("store") + (desc_.post_ops.bias ? "; last pass: + bias" : "") +
       (desc_.post_ops.relu ? "; last pass: relu" : "") + (b.last_lanes < vlen_ ? ", masked tail" : ""); });
  if (desc_.post_ops.bias || desc_.post_ops.relu) {
    Xbyak::Label store_only;
    test(reg_flags, kLastPass);
    jz(store_only, T_NEAR);
    // reg_tmp would be clobbered by AVX2's masked loads; the ic counter is free.
    const Xbyak::Reg64 reg_bias = reg_ic_left;
    if (desc_.post_ops.bias) mov(reg_bias, ptr[reg_args + offsetof(CallArgs, bias)]);
    post_ops(
        b.vecs,
        [&](int v) {
          std::vector<Xbyak::Xmm> accs;
          for (int j = 0; j < b.pixels; ++j) accs.push_back(acc(b, j, v));
          return accs;
        },
        [&](const Xbyak::Xmm& bias, int v) { load(Vmm(bias.getIdx()), ptr[reg_bias + disp(v * vlen_)], b.lanes(v, vlen_)); },
        in_vec(b));
    L(store_only);
  }
  for (int j = 0; j < b.pixels; ++j)
    for (int v = 0; v < b.vecs; ++v)
      store(ptr[reg_dst_w + disp(j * geo_.out_pix + geo_.out_channel(v * vlen_))], acc(b, j, v), b.lanes(v, vlen_));
}

template class OcVectorGenerator<Xbyak::Zmm>;
template class OcVectorGenerator<Xbyak::Ymm>;

std::shared_ptr<const JitCode> OcVector::emit(const WorkProblem& work, const Plan& plan) const {
  return generate<OcVectorGenerator>(work, plan);
}

}  // namespace convjit
