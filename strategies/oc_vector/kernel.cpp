// The oc_vector driver around an inner kernel (JIT'd or
// interpreted). Packs weights by output-channel blocks at bind time, stages
// inputs channels-last (with their padding) when the user's tensor cannot be
// read as it is, runs the input channels in cache-sized passes and spreads
// images (or the rows of one image) over the threads.
#include "strategies/oc_vector/strategy.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

#include "kernels/parallel.hpp"
#include "kernels/transpose.hpp"
#include "problem/activation_strides.hpp"
#include "planner/staging.hpp"
#include "kernels/planned_kernel.hpp"
#include "strategies/oc_vector/geometry.hpp"

namespace convjit {
namespace {

// p + elems, where the result may lie before the buffer: the kernel is
// handed the address of column -pad_w and never reads there.
template <class T>
const T* offset(const T* p, int64_t elems) {
  return reinterpret_cast<const T*>(reinterpret_cast<std::uintptr_t>(p) + std::uintptr_t(elems) * sizeof(T));
}

class OcVectorKernel final : public TypedKernel<OcVectorKernel, ChannelGeometry> {
 public:
  OcVectorKernel(const ConvDesc& desc, const WorkProblem& work, const Plan& plan, Backend backend,
                 std::shared_ptr<const Inner> inner)
      : TypedKernel(desc, work, plan, backend, std::move(inner)),
        staged_rows_read_(plan.staged ? staged_rows_read(work) : std::vector<char>{}) {}

 private:
  friend class TypedKernel<OcVectorKernel, ChannelGeometry>;
  template <class T>
  void bind_typed(const T* weights, const void* bias) {
    const ConvDesc& d = work_;
    size_packed_weights(looped_groups(d) * geo_.wei_group);
    pack_weights(weights);
    bind_common(bias, plan_.staged ? geo_.in_image : 0,
                d.layout == Layout::ncx ? geo_.out_image : 0);
    // Unstaged and not channels first: run_image() computes straight from src
    // into dst.
    if (!plan_.staged && d.layout != Layout::ncx) record_direct_calls<T>();
  }

  template <class T>
  void pack_weights(const T* wei) {
    const ConvDesc& d = work_;
    T* packed = packed_wei_.as<T>();
    const int64_t ks = d.spatial_k(), icg = d.icg(), ocg = d.ocg(), channels = vector_channels(d);
    const int64_t oc_blk = plan_.oc_blk, row = icg * ks;
    // User: [g][oc/g][ic/g][kd][kh][kw]; packed: [group][block][kd][kh][kw][ic/g][oc_blk]
    // (depthwise: one looped group whose block channels are the groups).
    // A block's rows, (ic, tap) as one index, are transposed a chunk of
    // columns at a time into [ic, tap][oc_blk], whose rows are then copied to
    // their tap's place. Element by element, the stores strided by oc_blk
    // and by a tap's 4 KiB multiple missed the L1: 9.4 MiB of ResNet-50
    // weights at 1.5 GB/s. One tap: [ic][oc_blk] is the transpose itself.
    constexpr int64_t kChunk = 256;
    std::vector<T> tile(ks == 1 ? 0 : std::min(kChunk, row) * oc_blk);
    for (int64_t grp = 0; grp < looped_groups(d); ++grp)
      for (int64_t b = 0; b < geo_.blocks_with_tail(); ++b) {
        T* block = packed + grp * geo_.wei_group + b * geo_.wei_block;
        const int64_t first = b * oc_blk, valid = std::clamp<int64_t>(channels - first, 0, oc_blk);
        if (ks == 1) {
          transpose_into_block(wei + (grp * ocg + first) * row, valid, row, row, block, oc_blk);
          continue;
        }
        for (int64_t c0 = 0; c0 < row; c0 += kChunk) {
          const int64_t n = std::min(kChunk, row - c0);
          if (valid) transpose(wei + (grp * ocg + first) * row + c0, valid, n, row, tile.data(), oc_blk);
          for (int64_t c = c0; c < c0 + n; ++c) {
            T* to = block + (c % ks) * geo_.wei_tap + (c / ks) * oc_blk;
            std::copy_n(tile.data() + (c - c0) * oc_blk, valid, to);
            std::fill(to + valid, to + oc_blk, T(0));
          }
        }
      }
  }

  template <class T>
  void run_typed(std::span<const TensorPair> pairs, int64_t images) const {
    // One image has rows, channel blocks (and one row's pixel blocks) to
    // share; no more threads than that.
    const int64_t parts = std::max({work_.o[0] * work_.o[1], geo_.blocks_with_tail(),
                                    geo_.shares_row ? geo_.w_blocks : int64_t(0)});
    const int threads = threads_for(flops_per_image_ * images,
                                    images > 1 ? plan_.threads : int(std::min<int64_t>(plan_.threads, parts)));
    auto src_of = [](const TensorPair& p) { return static_cast<const T*>(p.src.data); };
    auto dst_of = [](const TensorPair& p) { return static_cast<T*>(p.dst.data); };
    const ScratchLease lease = lease_scratch();
    if (threads > 1 && images < threads) {
      for (const TensorPair& p : pairs)
        for (int64_t n = 0; n < p.src.shape.dim[0]; ++n)
          run_image_shared(src_of(p), dst_of(p), n, lease, threads);
      return;
    }
    const int team = for_each_item(pairs, images, 1, flops_per_image_ * images, threads, flush_denormals(),
                                   [&](const TensorPair& p, int64_t n, int64_t, int t) {
      run_image(src_of(p), dst_of(p), n, lease.slot(t));
    });
    note_run(team, false);
  }

  template <class T>
  void run_image(const T* src, T* dst, int64_t n, int slot) const {
    const ConvDesc& d = work_;
    const T* in = src + n * geo_.in_image;  // unstaged: the user's channels-last image
    if (plan_.staged) {
      T* staged = staged_in<T>(slot);
      stage(src, n, staged, 0, geo_.in_d * geo_.in_h);
      in = staged;
    }
    const int64_t rows = d.o[0] * d.o[1], blocks = geo_.blocks_with_tail();
    if (d.layout == Layout::ncx) {
      T* out = staged_out<T>(slot);
      compute(in, out, 0, rows, 0, blocks);
      unstage(out, dst, n, 0, rows);
    } else {
      compute(in, dst + n * geo_.out_image, 0, rows, 0, blocks);
    }
  }

  // One image over the threads: its rows, or its channel blocks (or one
  // row's pixel blocks), whichever shares out more evenly. Sharing blocks,
  // each thread reads every input row and writes its own channels: it stages
  // the whole input into its own slot and unstages its own channels, so that
  // no staged line crosses between cores (ResNet-50 res5b_branch2a channels
  // first, 2 threads over one, Zen 4: staged rows shared 1.73x, own slots
  // 1.94x; channels last 1.99x).
  template <class T>
  void run_image_shared(const T* src, T* dst, int64_t n, const ScratchLease& lease, int threads) const {
    const ConvDesc& d = work_;
    const bool ncx = d.layout == Layout::ncx;
    const int64_t rows = d.o[0] * d.o[1], blocks = geo_.blocks_with_tail();
    const bool by_pixels = geo_.shares_row && split_by_rows(geo_.w_blocks, blocks, threads);
    const bool by_blocks = !by_pixels && !split_by_rows(rows, blocks, threads);
    const int slot = lease.slot(0);
    T* out = ncx ? staged_out<T>(slot) : dst + n * geo_.out_image;
  #pragma omp parallel num_threads(threads)
    {
      const DenormalScope denormals(flush_denormals());
      const int t = omp_get_thread_num(), nt = omp_get_num_threads();
      if (t == 0) note_run(nt, true);
      const T* in = src + n * geo_.in_image;
      if (plan_.staged && by_blocks) {
        T* own = staged_in<T>(lease.slot(t));
        stage(src, n, own, 0, geo_.in_d * geo_.in_h);
        in = own;
      } else if (plan_.staged) {
        T* shared = staged_in<T>(slot);
        auto [first, last] = split(geo_.in_d * geo_.in_h, nt, t);
        stage(src, n, shared, first, last);
        in = shared;
  #pragma omp barrier
      }
      if (by_pixels) {
        // One row (a 1x1 layer as 1D): its pixel blocks, the tail to the last share.
        auto [first, last] = split(geo_.w_blocks, nt, t);
        compute(in, out, 0, rows, 0, blocks, first, last);
      } else if (!by_blocks) {
        auto [first, last] = split(rows, nt, t);
        compute(in, out, first, last, 0, blocks);
      } else {
        auto [first, last] = split(blocks, nt, t);
        compute(in, out, 0, rows, first, last);
        if (ncx) unstage_channels(out, dst, n, first, last);
      }
      if (ncx && !by_blocks) {
  #pragma omp barrier
        const auto [row_first, row_last] = split(rows, nt, t);
        unstage(out, dst, n, row_first, row_last);
      }
    }
  }

  // Staged rows [first, last) (of in_d x in_h) of image n, channels last.
  // Channels first, a row's columns are transposed whole, those a strided
  // 1x1 filter skips too: staging only the ones it reads (a strided copy of
  // each channel's row, then the transpose) ran ResNet-50's res3a_branch2a
  // no faster, nor res5a's strided layers (Zen 4, 1 thread): the reads of
  // the channels' rows, a plane apart, take the time, not the transposes.
  // Prefetching the next read row of every channel gained 1-2%.
  template <class T>
  void stage(const T* src, int64_t n, T* to, int64_t first, int64_t last) const {
    const ConvDesc& d = work_;
    const int64_t id = d.i[0], ih = d.i[1], iw = d.i[2], ic = d.ic, pw = d.p[2];
    const bool ncx = d.layout == Layout::ncx;
    const ActivationStrides user = ActivationStrides::of(d.layout, ic, d.i);
    // Staged pixels hold all channels (ncx, nxc) or one block of them.
    const int64_t pix = geo_.in_pix, blocks = geo_.in_cblock ? geo_.in_image / geo_.in_cblock : 1;
    for (int64_t row = first; row < last; ++row) {
      if (!staged_rows_read_[row]) continue;
      const int64_t z = row / geo_.in_h - d.p[0], y = row % geo_.in_h - d.p[1];
      for (int64_t cb = 0; cb < blocks; ++cb) {
        T* out = to + cb * geo_.in_cblock + row * geo_.in_row;
        if (z < 0 || z >= id || y < 0 || y >= ih) {
          std::fill(out, out + geo_.in_row, T(0));
          continue;
        }
        // Staged columns [x0, x1) hold input columns x - pw; the rest is padding.
        const int64_t x0 = std::min(pw, geo_.in_w), x1 = std::clamp(iw + pw, x0, geo_.in_w);
        std::fill(out, out + x0 * pix, T(0));
        std::fill(out + x1 * pix, out + geo_.in_row, T(0));
        if (ncx) {
          const int64_t plane = id * ih * iw;
          const T* line = src + n * ic * plane + (z * ih + y) * iw;
          transpose(line + x0 - pw, ic, x1 - x0, plane, out + x0 * ic, ic);
        } else {
          const T* line = src + n * user.n + user.channel(cb * geo_.in_block) + z * user.d + y * user.h;
          std::copy(line + (x0 - pw) * pix, line + (x1 - pw) * pix, out + x0 * pix);
        }
      }
    }
  }

  // Output rows [first, last) (of od x oh) back to the user's channels-first
  // dst: the staged rows follow one another, as a channel's rows do in dst,
  // so their pixels are one transpose, of tiles whose rows the L1 holds
  // (kernels/transpose.hpp), where a row's few pixels left no choice
  // (MobileNet's conv6/dw channels first, 1024 channels of 7x7: 43.5 ->
  // 40.0 us, Zen 4, alternated; its other depthwise layers 1.03-1.06x).
  template <class T>
  void unstage(const T* from, T* dst, int64_t n, int64_t first, int64_t last) const {
    const ConvDesc& d = work_;
    const int64_t ow = d.o[2], oc = d.oc, plane = d.o[0] * d.o[1] * ow;
    transpose(from + first * geo_.out_row, (last - first) * ow, oc, oc, dst + n * oc * plane + first * ow, plane);
  }

  // The output channels of blocks [first, last) of every group, all rows,
  // back to the user's channels-first dst.
  template <class T>
  void unstage_channels(const T* from, T* dst, int64_t n, int64_t first, int64_t last) const {
    const ConvDesc& d = work_;
    const int64_t pixels = d.o[0] * d.o[1] * d.o[2], oc = d.oc, channels = vector_channels(d);
    const int64_t c0 = first * plan_.oc_blk, c1 = std::min(last * plan_.oc_blk, channels);
    for (int64_t grp = 0; grp < looped_groups(d) && c0 < c1; ++grp) {
      const int64_t at = grp * channels + c0;
      transpose(from + at, pixels, c1 - c0, oc, dst + (n * oc + at) * pixels, pixels);
    }
  }

  // The rows of taps output row y reads: the first, and how many (height
  // padding the kernel skips leaves out the rest).
  std::pair<int64_t, int64_t> tap_rows(int64_t y) const {
    const ConvDesc& d = work_;
    // Staged or not: staged padding rows are zeros, skipped like the user's.
    const int64_t kh = d.k[1], dh1 = d.d[1] + 1, top = y * d.s[1] - d.p[1];
    if (top >= 0 && top + (kh - 1) * dh1 < d.i[1]) return {0, kh};
    return taps_inside(top, kh, dh1, d.i[1]);
  }

  // Output rows [first, last) of channel blocks [block_first, block_last),
  // every group and pass, whole rows of pixel blocks.
  template <class T>
  void compute(const T* in, T* out, int64_t first, int64_t last, int64_t block_first, int64_t block_last) const {
    compute(in, out, first, last, block_first, block_last, 0, geo_.w_blocks);
  }
  // The same, of a shared row (shares_row) its pixel blocks [w_first,
  // w_last), the tail with the last.
  template <class T>
  void compute(const T* in, T* out, int64_t first, int64_t last, int64_t block_first, int64_t block_last,
               int64_t w_first, int64_t w_last) const {
    for_each_call<T>(first, last, block_first, block_last, w_first, w_last,
                     [&](OcPart part, CallArgs& args, int64_t src_at, int64_t dst_at) {
      args.src = offset(in, src_at);
      args.dst = out + dst_at;
      inner_->call(part, args);
    });
  }

  // The inner calls of compute(): call(part, args, src_at, dst_at) with
  // args complete but src and dst, which are in + src_at and out + dst_at.
  template <class T, class F>
  void for_each_call(int64_t first, int64_t last, int64_t block_first, int64_t block_last, int64_t w_first,
                     int64_t w_last, F&& call) const {
    const ConvDesc& d = work_;
    const int64_t oh = d.o[1];
    const T* bias = this->bias<T>();
    CallArgs args{};
    args.w_blocks = w_last - w_first;
    args.w_tail_too = w_last == geo_.w_blocks;
    const int64_t w_shift = w_first * plan_.ur_w;  // pixels before the share
    // Depthwise with pixels of 4 KiB or more (their lines fall in the same L1
    // sets) goes one output row at a time through every channel block, so the
    // input rows are used up by all blocks before they are evicted (MobileNet
    // conv6/dw: 12.2 -> 7.7 us; narrower pixels lose 2-15% this way).
    const bool row_outer = geo_.depthwise && geo_.in_pix * int64_t(sizeof(T)) >= 4096;
    const int64_t band = row_outer ? 1 : last - first;
    for (int64_t band_first = first; band_first < last; band_first += band) {
      const int64_t band_last = std::min(last, band_first + band);
      for (int64_t grp = 0; grp < looped_groups(d); ++grp)
        for (int64_t b = block_first; b < block_last; ++b) {
          const OcPart part = b < geo_.oc_blocks ? OcPart::full : OcPart::tail;
          const int64_t oc0 = grp * d.ocg() + b * plan_.oc_blk;
          args.bias = bias ? bias + oc0 : nullptr;
          // Passes over input channels: the weights of one pass stay in cache
          // while the rows go by; partial sums wait in dst.
          for (int64_t pass = 0; pass < geo_.ic_blocks; ++pass) {
            const int64_t ic0 = geo_.depthwise ? oc0 : grp * d.icg() + pass * plan_.ic_blk;
            const T* wei = packed_wei_.as<T>() + grp * geo_.wei_group + b * geo_.wei_block +
                           pass * plan_.ic_blk * plan_.oc_blk;
            args.flags = (pass > 0 ? kAccumulate : 0) | (pass == geo_.ic_blocks - 1 ? kLastPass : 0);
            // The next pass's or block's, which the kernel prefetches where
            // the weights are large (kStreamedWeightBytes). Measured (Xeon,
            // 1 thread, nCx16c, alternated in one process): ResNet-50 res5's
            // layers at batch 1 0.72-0.89 of the time without, res4's 1x1
            // 0.96-0.97, its 3x3 (2.4 MB) 1.02.
            args.wei_next = pass + 1 < geo_.ic_blocks ? wei + plan_.ic_blk * plan_.oc_blk
                            : b + 1 < block_last ? packed_wei_.as<T>() + grp * geo_.wei_group + (b + 1) * geo_.wei_block
                                                 : wei;
            // Calls cover runs of rows within one output plane that read the
            // same rows of taps (all but near padding the kernel skips).
            for (int64_t row = band_first; row < band_last;) {
              const int64_t z = row / oh, y = row % oh;
              const auto [kd_first, kd_count] = input_depth_taps(d, plan_, z);
              const auto [kh_first, kh_count] = tap_rows(y);
              int64_t count = 1;
              while (row + count < band_last && y + count < oh &&
                     tap_rows(y + count) == std::pair{kh_first, kh_count})
                ++count;
              const int64_t in_z = z * d.s[0] + kd_first * (d.d[0] + 1);
              const int64_t in_y = y * d.s[1] - geo_.pad_h + kh_first * (d.d[1] + 1);
              args.wei = wei + (kd_first * d.k[1] + kh_first) * d.k[2] * geo_.wei_tap;
              args.row_blocks = count;
              args.kh_count = kh_count;
              args.kd_count = kd_count;
              // Left padding: the kernel is handed the address of column -pad_w.
              call(part, args,
                   in_z * geo_.in_plane + in_y * geo_.in_row + (w_shift * d.s[2] - geo_.pad_w) * geo_.in_pix +
                       geo_.in_channel(ic0),
                   z * geo_.out_plane + y * geo_.out_row + w_shift * geo_.out_pix + geo_.out_channel(oc0));
              row += count;
            }
          }
        }
    }
  }

  template <class T>
  void record_direct_calls() {
    const int64_t size = sizeof(T);
    PlannedKernel::record_direct_calls([&](auto&& record) {
      for_each_call<T>(0, work_.o[0] * work_.o[1], 0, geo_.blocks_with_tail(), 0, geo_.w_blocks,
                       [&](OcPart part, const CallArgs& args, int64_t src_at, int64_t dst_at) {
        record(part, args, src_at * size, dst_at * size);
      });
    });
  }

  // Staged rows that some tap reads (staged_rows_read); stage() leaves the
  // others unwritten.
  const std::vector<char> staged_rows_read_;
};

}  // namespace

std::unique_ptr<PlannedKernel> OcVector::driver(const ConvDesc& user, const WorkProblem& work, const Plan& plan,
                                                Backend backend, const InnerSource& inners) const {
  return std::make_unique<OcVectorKernel>(user, work, plan, backend, inners(work, plan));
}

}  // namespace convjit
