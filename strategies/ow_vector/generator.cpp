#include "strategies/ow_vector/generator.hpp"

#include <algorithm>
#include <climits>
#include <string>

#include "convjit/error.hpp"
#include "jit/generated_code.hpp"
#include "strategies/ow_vector/strategy.hpp"

namespace convjit {
namespace {

// vpermt2 indices of the even elements of two vectors.
alignas(64) const int32_t kEven32[16] = {0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30};
alignas(64) const int64_t kEven64[8] = {0, 2, 4, 6, 8, 10, 12, 14};

// Channels ahead whose input rows a 1x1 kernel reading the user's
// channels-first tensor prefetches: its channels lie a plane apart, beyond
// the strides the hardware prefetchers follow, so each channel's rows came
// from the L2 (or further) at the load. About 100 cycles ahead at the 20-26
// FMAs of a channel. Measured (Xeon, 1 thread, interleaved in one process):
// ResNet-50's 1x1 layers 0.75-0.98 of the time without, and src 4 bytes off
// a cache line 1.04-1.16 of aligned, from 1.12-1.25; stride 2 split in
// registers (res3a_branch2a) 0.90, and 1.07-1.09 of aligned from 1.32-1.45.
constexpr int64_t kPrefetchChannels = 8;

// The lanes of the two loads that feed `lanes` stride-2 output columns: the
// even elements of 2 * lanes - 1 inputs (never one past the last needed).
std::pair<int, int> split_lanes(int lanes, int vlen) {
  int need = 2 * lanes - 1;
  return {std::min(need, vlen), std::max(need - vlen, 0)};
}

}  // namespace

template <class Vmm>
OwVectorGenerator<Vmm>::OwVectorGenerator(const WorkProblem& desc, const Plan& plan,
                                           std::span<uint8_t> buffer, bool annotate)
    : VectorGenerator(desc, plan, buffer, annotate),
      geo_(Geometry::of(desc, plan)),
      split_stride_(geo_.col_step == 2),
      skips_depth_taps_(skips_depth_padding(desc, plan)),
      ic_loop_(desc.icg() > 1),
      depth_loop_(skips_depth_taps_ || desc.k[ConvDesc::D] > 1),
      prefetch_channels_(!plan.staged && desc.layout == Layout::ncx && desc.spatial_k() == 1 &&
                                 desc.icg() >= 2 * kPrefetchChannels
                             ? kPrefetchChannels
                             : 0) {
  emit_entries(geo_.oc_blocks > 0, geo_.oc_tail, [&](int channels) { generate_entry(channels); });
}

template <class Vmm>
void OwVectorGenerator<Vmm>::generate_entry(int ocs) {
  note("prologue: save callee-saved registers, load the arguments");
  // Only what the code uses: a tiny kernel's run is a few dozen instructions.
  std::vector<Xbyak::Reg64> used = {reg_wei, reg_tmp};
  if (ic_loop_) used.push_back(reg_ic_left);
  if (depth_loop_) used.push_back(reg_kd_left);
  if (desc_.post_ops.bias) used.push_back(reg_bias);
  save_registers(used);
  mov(reg_src_row, ptr[reg_args + offsetof(CallArgs, src)]);
  mov(reg_wei, ptr[reg_args + offsetof(CallArgs, wei)]);
  if (desc_.post_ops.bias) mov(reg_bias, ptr[reg_args + offsetof(CallArgs, bias)]);
  mov(reg_dst_row, ptr[reg_args + offsetof(CallArgs, dst)]);
  mov(reg_rows_left, ptr[reg_args + offsetof(CallArgs, row_blocks)]);
  if (kZmm<Vmm> && split_stride_) {
    mov(reg_tmp, bytes_ == 4 ? reinterpret_cast<size_t>(kEven32) : reinterpret_cast<size_t>(kEven64));
    vmovups(index_vec(), ptr[reg_tmp]);
  }

  Xbyak::Label row_loop, rows_done, done;
  test(reg_rows_left, reg_rows_left);
  jz(rows_done, T_NEAR);
  L(row_loop);
  note([&] { return "row loop: args.row_blocks blocks of " + std::to_string(plan_.ur_h) + " output rows"; });
  {
    row_block(plan_.ur_h, ocs);
    add_imm(reg_src_row, int64_t(plan_.ur_h) * desc_.s[ConvDesc::H] * geo_.in_row * bytes_);
    add_imm(reg_dst_row, int64_t(plan_.ur_h) * geo_.out_row * bytes_);
    dec(reg_rows_left);
    jnz(row_loop, T_NEAR);
  }
  L(rows_done);
  if (geo_.row_tail) {
    cmp(qword[reg_args + offsetof(CallArgs, row_tail)], 0);
    je(done, T_NEAR);
    note([&] { return "row tail: " + std::to_string(geo_.row_tail) + " output rows"; });
    row_block(static_cast<int>(geo_.row_tail), ocs);
  }
  L(done);
  note("epilogue: restore registers, vzeroupper, return");
  return_restoring();
}

template <class Vmm>
void OwVectorGenerator<Vmm>::row_block(int rows, int ocs) {
  const int full_bits = vlen_ * bytes_ * 8;
  mov(reg_src_w, reg_src_row);
  mov(reg_dst_w, reg_dst_row);
  if (geo_.w_blocks > 0) {
    Xbyak::Label w_loop;
    mov(reg_w_left, geo_.w_blocks);
    L(w_loop);
    note([&] { return "width loop: " + std::to_string(geo_.w_blocks) + " blocks of " + std::to_string(plan_.ur_w) +
         " vectors"; });
    block({rows, plan_.ur_w, ocs, vlen_, full_bits});
    add_imm(reg_src_w, disp(int64_t(plan_.ur_w) * vlen_ * geo_.col_step));
    add_imm(reg_dst_w, disp(int64_t(plan_.ur_w) * vlen_));
    dec(reg_w_left);
    jnz(w_loop, T_NEAR);
  }
  if (geo_.w_tail) {
    int vecs = static_cast<int>((geo_.w_tail + vlen_ - 1) / vlen_);
    // Stride-2 splitting keeps full registers: its permutes assume them.
    const int bits = vecs == 1 && !split_stride_ ? narrowest_bits(int(geo_.w_tail), full_bits) : full_bits;
    note([&] { return "width tail: " + std::to_string(geo_.w_tail) + " output columns" +
         (bits < full_bits ? " in " + std::to_string(bits) + "-bit registers" : ""); });
    block({rows, vecs, ocs, static_cast<int>(geo_.w_tail - int64_t(vecs - 1) * vlen_), bits});
  }
}

template <class Vmm>
void OwVectorGenerator<Vmm>::prepare_masks(const Block& b) {
  if constexpr (kZmm<Vmm>) {
    std::fill(std::begin(mask_lanes_), std::end(mask_lanes_), 0);
    int used = 0;
    const int width = b.bits / (8 * bytes_);
    auto want = [&](int lanes) {
      if (lanes <= 0 || lanes >= width) return;
      for (int i = 0; i < used; ++i)
        if (mask_lanes_[i] == lanes) return;
      mask_lanes_[used] = lanes;
      mov(reg_tmp.cvt32(), (1u << lanes) - 1);
      kmovw(Xbyak::Opmask(1 + used++), reg_tmp.cvt32());
    };
    for (int v = 0; v < b.vecs; ++v) {
      const int lanes = b.lanes(v, vlen_);
      want(lanes);
      if (split_stride_) {
        auto [first, second] = split_lanes(lanes, vlen_);
        want(first);
        want(second);
      }
    }
  }
}

template <class Vmm>
Xbyak::Opmask OwVectorGenerator<Vmm>::opmask(int lanes) const {
  for (int i = 0; i < 7; ++i)
    if (mask_lanes_[i] == lanes) return Xbyak::Opmask(1 + i);
  throw Error("plan", "plan: internal error: no opmask holds " + std::to_string(lanes) + " lanes");
}

template <class Vmm>
void OwVectorGenerator<Vmm>::block(const Block& b) {
  note([&] { return "register block: " + std::to_string(b.rows) + " rows x " + std::to_string(b.vecs) +
       " vectors x " + std::to_string(b.ocs) + " channels, last vector " +
       std::to_string(b.last_lanes) + " lanes: zero accumulators"; });
  for (int r = 0; r < b.rows; ++r)
    for (int v = 0; v < b.vecs; ++v)
      for (int o = 0; o < b.ocs; ++o) vxorps(acc(b, r, v, o), acc(b, r, v, o), acc(b, r, v, o));
  prepare_masks(b);
  mov(reg_src_tap, reg_src_w);
  mov(reg_wei_tap, reg_wei);

  // Loops over input channels and depth taps; heights, widths and the
  // register block are unrolled inside taps().
  const int64_t kd = desc_.k[ConvDesc::D];
  const int64_t plane_step = (desc_.d[ConvDesc::D] + 1) * geo_.in_plane * bytes_;
  const int64_t wei_step = desc_.k[ConvDesc::H] * desc_.k[ConvDesc::W] * plan_.oc_blk * bytes_;
  Xbyak::Label ic_loop, kd_loop, taps_done;
  if (skips_depth_taps_) {
    // Depth taps from the driver: fewer than kd next to depth padding, so
    // each channel's start is kept on the stack rather than stepped back.
    cmp(qword[reg_args + offsetof(CallArgs, kd_count)], 0);
    je(taps_done, T_NEAR);
  }
  // A loop of one pass is no loop: its counter, steps and branch are left
  // out (and its register is not saved).
  if (ic_loop_) {
    mov(reg_ic_left, desc_.icg());
    L(ic_loop);
  }
  if (skips_depth_taps_) {
    push(reg_src_tap);
    push(reg_wei_tap);
    mov(reg_kd_left, ptr[reg_args + offsetof(CallArgs, kd_count)]);
  } else if (depth_loop_) {
    mov(reg_kd_left, kd);
  }
  if (depth_loop_) L(kd_loop);
  note([&] { return "taps: input-channel loop x" + std::to_string(desc_.icg()) + ", depth loop x" +
       (skips_depth_taps_ ? "args.kd_count" : std::to_string(kd)) + "; kh x kw unrolled"; });
  if (prefetch_channels_) prefetch_input_ahead(b);
  taps(b);
  if (!ic_loop_ && !depth_loop_) {
    epilogue(b);
    return;
  }
  if (depth_loop_) {
    add_imm(reg_src_tap, plane_step);
    add_imm(reg_wei_tap, wei_step);
    dec(reg_kd_left);
    jnz(kd_loop, T_NEAR);
  } else {
    add_imm(reg_wei_tap, wei_step);
  }
  if (skips_depth_taps_) {
    pop(reg_wei_tap);
    pop(reg_src_tap);
    add_imm(reg_wei_tap, kd * wei_step);
    add_imm(reg_src_tap, geo_.in_chan * bytes_);
  } else {
    add_imm(reg_src_tap, geo_.in_chan * bytes_ - (depth_loop_ ? kd * plane_step : 0));
  }
  if (ic_loop_) {
    dec(reg_ic_left);
    jnz(ic_loop, T_NEAR);
  }
  L(taps_done);
  epilogue(b);
}

template <class Vmm>
void OwVectorGenerator<Vmm>::prefetch_input_ahead(const Block& b) {
  note([&] { return "prefetch: the block's input rows " + std::to_string(prefetch_channels_) + " channels ahead"; });
  // Every line the block's rows touch, the one past a misaligned start included.
  const int64_t lines = (int64_t(b.vecs) * vlen_ * geo_.col_step * bytes_ + 63) / 64 + 1;
  for (int r = 0; r < b.rows; ++r)
    for (int64_t l = 0; l < lines; ++l)
      prefetcht0(ptr[reg_src_tap + disp(prefetch_channels_ * geo_.in_chan + r * desc_.s[ConvDesc::H] * geo_.in_row) +
                     int32_t(l * 64)]);
}

template <class Vmm>
void OwVectorGenerator<Vmm>::taps_stationary_weights(const Block& b) {
  const int64_t kh = desc_.k[ConvDesc::H], kw = desc_.k[ConvDesc::W];
  const int64_t sh = desc_.s[ConvDesc::H], dh1 = desc_.d[ConvDesc::H] + 1;
  // The block's weights of one tap stay in registers while every row of the
  // block loads its input: the order of accumulation is the same as taps().
  for (int64_t y = 0; y < kh; ++y)
    for (int64_t x = 0; x < kw; ++x) {
      for (int o = 0; o < b.ocs; ++o)
        broadcast(wei_vec(b, o), ptr[reg_wei_tap + disp((y * kw + x) * plan_.oc_blk + o)]);
      const int64_t col = geo_.tap_phase(x) * geo_.phase_len + geo_.tap_shift(x);
      for (int r = 0; r < b.rows; ++r) {
        const int64_t ih = r * sh + y * dh1;
        for (int v = 0; v < b.vecs; ++v)
          load_input(b, v, ih * geo_.in_row + col + int64_t(v) * vlen_ * geo_.col_step, b.lanes(v, vlen_));
        for (int o = 0; o < b.ocs; ++o)
          for (int v = 0; v < b.vecs; ++v) fma(acc(b, r, v, o), in_vec(b, v), wei_vec(b, o));
      }
    }
}

template <class Vmm>
void OwVectorGenerator<Vmm>::taps(const Block& b) {
  if (plan_.weights == WeightRegs::stationary) {
    taps_stationary_weights(b);
    return;
  }
  const int64_t kh = desc_.k[ConvDesc::H], kw = desc_.k[ConvDesc::W];
  const int64_t sh = desc_.s[ConvDesc::H], dh1 = desc_.d[ConvDesc::H] + 1;
  const int64_t span = (b.rows - 1) * sh + (kh - 1) * dh1 + 1;
  const bool held = plan_.weights == WeightRegs::held;
  if (held) {
    note([&] { return "weights: " + std::to_string(kh * kw) + " taps x " + std::to_string(b.ocs) +
               " channels held in registers"; });
    for (int64_t t = 0; t < kh * kw; ++t)
      for (int o = 0; o < b.ocs; ++o)
        broadcast(wei_vec(b, int(t) * b.ocs + o), ptr[reg_wei_tap + disp(t * plan_.oc_blk + o)]);
  }
  // Each input row is loaded once per width tap and used by every output
  // row of the block that reads it: (row, kernel row) pairs.
  for (int64_t ih = 0; ih < span; ++ih) {
    std::vector<std::pair<int, int64_t>> users;
    for (int r = 0; r < b.rows; ++r) {
      int64_t t = ih - r * sh;
      if (t >= 0 && t % dh1 == 0 && t / dh1 < kh) users.emplace_back(r, t / dh1);
    }
    if (users.empty()) continue;
    for (int64_t x = 0; x < kw; ++x) {
      const int64_t col = geo_.tap_phase(x) * geo_.phase_len + geo_.tap_shift(x);
      for (int v = 0; v < b.vecs; ++v)
        load_input(b, v, ih * geo_.in_row + col + int64_t(v) * vlen_ * geo_.col_step, b.lanes(v, vlen_));
      for (auto [r, y] : users) {
        for (int o = 0; o < b.ocs; ++o) {
          if (held) {
            for (int v = 0; v < b.vecs; ++v) fma(acc(b, r, v, o), in_vec(b, v), wei_vec(b, int(y * kw + x) * b.ocs + o));
            continue;
          }
          const int32_t w = disp((y * kw + x) * plan_.oc_blk + o);
          if (kZmm<Vmm> && (b.vecs == 1 || split_stride_)) {
            // Embedded broadcast: one uop instead of a broadcast and an FMA;
            // beside a stride's vpermt2 for every vector, as a broadcast into
            // a register contends with it (planner.cpp, kSplitShuffles).
            for (int v = 0; v < b.vecs; ++v) fma(acc(b, r, v, o), in_vec(b, v), ptr_b[reg_wei_tap + w]);
            continue;
          }
          broadcast(wei_vec(b), ptr[reg_wei_tap + w]);
          for (int v = 0; v < b.vecs; ++v) fma(acc(b, r, v, o), in_vec(b, v), wei_vec(b));
        }
      }
    }
  }
}

template <class Vmm>
void OwVectorGenerator<Vmm>::load_input(const Block& b, int v, int64_t index, int lanes) {
  const Xbyak::Xmm x = in_vec(b, v);
  if (!split_stride_) {
    load(x, ptr[reg_src_tap + disp(index)], lanes);
    return;
  }
  auto [first, second] = split_lanes(lanes, vlen_);
  load(x, ptr[reg_src_tap + disp(index)], first);
  if (second) load(odd_vec(b), ptr[reg_src_tap + disp(index + vlen_)], second);
  const bool f32 = bytes_ == 4;
  if constexpr (kZmm<Vmm>) {
    if (f32) vpermt2ps(x, index_vec(), odd_vec(b)); else vpermt2pd(x, index_vec(), odd_vec(b));
  } else if (f32) {
    vshufps(x, x, odd_vec(b), 0x88);  // evens of each 128-bit lane: a0 a2 b0 b2 | a4 a6 b4 b6
    vpermpd(Vmm(x.getIdx()), x, 0xD8);  // qwords 0 2 1 3: a0 a2 a4 a6 b0 b2 b4 b6
  } else {
    vunpcklpd(x, x, odd_vec(b));      // a0 b0 | a2 b2
    vpermpd(Vmm(x.getIdx()), x, 0xD8);  // a0 a2 b0 b2
  }
}

template <class Vmm>
void OwVectorGenerator<Vmm>::epilogue(const Block& b) {
  note([&] { return std::string("store") + (desc_.post_ops.bias ? " + bias" : "") +
       (desc_.post_ops.relu ? " + relu" : "") + (b.last_lanes < vlen_ ? ", masked tail" : ""); });
  post_ops(
      b.ocs,
      [&](int o) {
        std::vector<Xbyak::Xmm> accs;
        for (int r = 0; r < b.rows; ++r)
          for (int v = 0; v < b.vecs; ++v) accs.push_back(acc(b, r, v, o));
        return accs;
      },
      [&](const Xbyak::Xmm& bias, int o) { broadcast(bias, ptr[reg_bias + disp(o)]); }, wei_vec(b));
  for (int r = 0; r < b.rows; ++r)
    for (int v = 0; v < b.vecs; ++v)
      for (int o = 0; o < b.ocs; ++o)
        store(ptr[reg_dst_w + disp(o * geo_.out_chan + r * geo_.out_row + int64_t(v) * vlen_)],
              acc(b, r, v, o), b.lanes(v, vlen_));
}

template class OwVectorGenerator<Xbyak::Zmm>;
template class OwVectorGenerator<Xbyak::Ymm>;

std::shared_ptr<const JitCode> OwVector::emit(const WorkProblem& work, const Plan& plan) const {
  return generate<OwVectorGenerator>(work, plan);
}

}  // namespace convjit
