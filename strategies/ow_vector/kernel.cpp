// The ow_vector driver around an inner kernel (JIT'd or
// interpreted).
// It packs the weights at bind time, stages inputs that the inner kernel
// cannot read as they are, and spreads images, channel blocks and row bands
// over threads. Everything it needs while running is sized at bind time.
#include <omp.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <memory>
#include <numeric>
#include <vector>

#include "kernels/parallel.hpp"
#include "kernels/stream_copy.hpp"
#include "kernels/strided_copy.hpp"
#include "kernels/transpose.hpp"
#include "strategies/ow_vector/strategy.hpp"
#include "kernels/planned_kernel.hpp"
#include "strategies/ow_vector/geometry.hpp"

namespace convjit {
namespace {

// Streaming pays when a run's output is far beyond the last-level cache, and
// works through a scratch that stays in the L2.
constexpr int64_t kMaxStreamedImageBytes = 256 << 10;
constexpr double kMinStreamedRunBytes = 64 << 20;
// The input of one row tile, which every output-channel block sweeps while
// it stays in the L2, as the planner's reread_cycles() prices it.
constexpr int64_t kTileInputBytes = 256 << 10;

// A channels-first 1x1 problem flattened to rows of whole vectors
// (work_problem.hpp) keeps every channel's plane on the same phase of the
// cache lines, so its rows can be run from src's next line boundary on; the
// first row is run again where it is, for its first few pixels: worth it
// where that is at most 1/32 of the rows. Measured (Xeon, 1 thread,
// src and dst 4, 16 or 32 bytes off a line, alternated in one process):
// 112x112 planes (MobileNet) 1.16-1.48x the aligned time unrealigned,
// 1.01-1.02 realigned; 56x56 and 28x28 (ResNet-50, 49 rows) 1.03-1.11
// unrealigned, 1.00-1.06 realigned.
constexpr int64_t kMinRowsPerRealignedRow = 32;

// A channels-first valid convolution of wide rows (a filtered image, im2col's
// seeds) is run from src's next line on too: each row's last outputs then
// land on the next row's first ones, which a second inner kernel (head_)
// computes again, a line of columns of every row, into the output's rows
// (as copies from a scratch, they took 2.5% of seed:im2col1000's time at +4
// bytes, Zen 4). Its input channels' planes must be whole lines apart (each
// image and group is shifted by its own phase), and its rows at least this
// many lines wide (the heads cost 1/32 of the work at most). Measured (Zen
// 5, 1 thread, src and dst 4, 16 or 32 bytes off a line, alternated in one
// process, 41 pairs, two runs), the median time over the aligned one:
// seed:image3x3 1.05-1.11 in place, 1.01-1.05 shifted; seed:im2col1000
// 1.00-1.10 and 1.01-1.04 (its 1000-pixel rows alternate between two phases
// of the lines).
constexpr int64_t kMinLinesPerShiftedRow = 32;

int64_t line_elements(const ConvDesc& d) { return 64 / int64_t(size_of(d.dt)); }

bool shifts_wide_rows(const WorkProblem& w, const Plan& plan, const Geometry& geo) {
  using A = ConvDesc::Axis;
  return !plan.staged && !w.gathers_input && w.layout == Layout::ncx && w.ndims == 2 && w.spatial_k() > 1 &&
         w.s[A::W] == 1 && w.p[A::H] == 0 && w.p[A::W] == 0 && w.pb[A::W] == 0 &&
         (w.icg() == 1 || geo.in_chan % line_elements(w) == 0) &&
         w.o[A::W] >= kMinLinesPerShiftedRow * line_elements(w) &&
         w.o[A::H] > (geo.row_tail ? geo.row_tail : plan.ur_h);
}

// The inner kernel of the shifted rows' heads: the plan over the first line
// of columns, `rows` rows a block (the same order of accumulation, so the
// same bits), written into the output's own rows (out_row_pitch), from the
// same source as the kernel's own (the engine's code cache: dumped and
// perf-mapped as any other code). Null where a block of `rows` does not fit
// the registers.
std::shared_ptr<const Inner> head_inner(const WorkProblem& work, const Plan& plan, const InnerSource& inners,
                                        int rows) {
  using A = ConvDesc::Axis;
  WorkProblem head = work;
  head.o[A::W] = line_elements(work);
  head.pb[A::W] = head.o[A::W] - 1 + head.ext(A::W) - head.i[A::W];
  head.out_row_pitch = work.o[A::W];
  Plan p = plan;
  p.ur_w = 1;
  p.ur_h = rows;
  if (plan_rejection(head, p)) return nullptr;
  return inners(head, p);
}

// Rows a block of the heads' second kernel: a row at a time their chains of
// FMAs wait on one another, and with the heads written in place the kernel
// is most of what shifting costs. seed:image3x3 at +4/+16/+32 bytes (Zen 4,
// min of 41 alternated pairs): 1.042-1.049 the aligned time a row at a time,
// 1.016-1.036 four rows a block.
constexpr int kHeadBlockRows = 4;

// What for_each_call() does with the heads where no rows are shifted.
struct NoHeads {
  void operator()(OcPart, const CallArgs&, int64_t, int64_t, int64_t) const {}
};

int64_t tile_blocks(const ConvDesc& d, const Plan& plan, const Geometry& geo) {
  if (geo.blocks_with_tail() == 1) return std::numeric_limits<int64_t>::max();
  return std::max<int64_t>(1, kTileInputBytes / ow_vector_row_block_bytes(d, plan.ur_h));
}

class OwVectorKernel final : public TypedKernel<OwVectorKernel, Geometry> {
 public:
  OwVectorKernel(const ConvDesc& desc, const WorkProblem& work, const Plan& plan, Backend backend,
                 const InnerSource& inners)
      : TypedKernel(desc, work, plan, backend, inners(work, plan)),
        tile_blocks_(tile_blocks(work, plan, geo_)),
        head_(shifts_wide_rows(work, plan, geo_) ? head_inner(work, plan, inners, 1) : nullptr),
        head_block_(head_ ? head_inner(work, plan, inners, kHeadBlockRows) : nullptr),
        realigns_(head_ || (!plan.staged && work.layout == Layout::ncx && work.ndims == 2 && work.spatial_k() == 1 &&
                            work.i == work.o && geo_.in_row % 16 == 0 &&
                            work.o[1] >= kMinRowsPerRealignedRow * edge_rows())) {
    if (realigns_) direct_on_lines_only();
    if (!plan.staged) return;
    // Staging skips what no tap reads: rows and planes between strided
    // outputs, and stride phases that no width tap falls in.
    const ConvDesc& d = work;
    staged_rows_read_ = staged_rows_read(d);
    stages_pixels_ = d.layout == Layout::nxc && geo_.phases == 1;
    std::vector<char> phase_read(geo_.phases, 0);
    for (int64_t kw = 0; kw < d.k[2]; ++kw) phase_read[geo_.tap_phase(kw)] = 1;
    const int64_t iw = d.i[2], sw = d.s[2], pw = d.p[2];
    for (int64_t r = 0; r < geo_.phases; ++r) {
      if (!phase_read[r]) continue;
      // Phase r holds columns x = j * sw + r - pw; those inside [0, iw) are
      // copied, the rest are padding.
      const int64_t j0 = std::clamp<int64_t>((pw - r + sw - 1) / sw, 0, geo_.phase_len);
      const int64_t j1 = std::clamp<int64_t>((iw + pw - r + sw - 1) / sw, j0, geo_.phase_len);
      phase_spans_.push_back({r, j0, j1});
    }
  }

 private:
  friend class TypedKernel<OwVectorKernel, Geometry>;
  template <class T>
  void bind_typed(const T* weights, const void* bias) {
    const ConvDesc& d = work_;
    size_packed_weights(d.g * geo_.wei_group);
    pack_weights(weights);
    // The output scratch: channels-last outputs are transposed from it; small
    // channels-first image outputs are streamed from it when a run's output
    // is too large for the caches.
    const int64_t image_out = d.ocg() * geo_.out_chan;
    const bool streamable = image_out * int64_t(size_of(d.dt)) <= kMaxStreamedImageBytes;
    bind_common(bias, plan_.staged ? geo_.in_image : 0, d.layout == Layout::nxc || streamable ? image_out : 0);
    // Unstaged and channels first: run_image() computes straight from src
    // into dst (small runs are never streamed).
    if (!plan_.staged && d.layout == Layout::ncx) record_direct_calls<T>();
  }

  template <class T>
  void pack_weights(const T* wei) {
    const ConvDesc& d = work_;
    T* packed = packed_wei_.as<T>();
    const int64_t taps = d.icg() * d.spatial_k();  // per output channel, in (ic, kd, kh, kw) order
    const int64_t blocks = geo_.blocks_with_tail();
    // A block is its output channels' rows transposed (packed: [tap][oc_blk]),
    // the channels past ocg zero. Element by element, with stores strided by
    // oc_blk across a block larger than the L1, 1 MiB of weights packed at
    // 0.9 GB/s.
    const int64_t oc_blk = plan_.oc_blk, ocg = d.ocg();  // ocg() divides: once, not per group
    for (int64_t grp = 0; grp < d.g; ++grp)
      for (int64_t b = 0; b < blocks; ++b) {
        T* block = packed + grp * geo_.wei_group + b * geo_.wei_block;
        const int64_t valid = std::clamp<int64_t>(ocg - b * oc_blk, 0, oc_blk);
        transpose_into_block(wei + (grp * ocg + b * oc_blk) * taps, valid, taps, taps, block, oc_blk);
      }
  }

  template <class T>
  void run_typed(std::span<const TensorPair> pairs, int64_t images) const {
    const int64_t groups = work_.g;
    const int threads = threads_for(flops_per_image_ * images, plan_.threads);
    auto src_of = [](const TensorPair& p) { return static_cast<const T*>(p.src.data); };
    auto dst_of = [](const TensorPair& p) { return static_cast<T*>(p.dst.data); };
    const ScratchLease lease = lease_scratch();
    if (threads > 1 && images * groups < threads) {
      // Fewer images than threads: every thread takes a share of each image.
      for (const TensorPair& p : pairs)
        for (int64_t n = 0; n < p.src.shape.dim[0]; ++n)
          for (int64_t grp = 0; grp < groups; ++grp)
            run_image_shared(src_of(p), dst_of(p), n, grp, lease);
      return;
    }
    const int64_t image_out_bytes = work_.ocg() * geo_.out_chan * int64_t(sizeof(T));
    const bool stream = work_.layout == Layout::ncx && image_out_bytes <= kMaxStreamedImageBytes &&
                        double(images * groups * image_out_bytes) > kMinStreamedRunBytes;
    const int team = for_each_item(pairs, images, groups, flops_per_image_ * images, threads, flush_denormals(),
                                   [&](const TensorPair& p, int64_t n, int64_t grp, int t) {
      run_image(src_of(p), dst_of(p), n, grp, lease.slot(t), stream);
    });
    // Images (and groups) are whole lines apart where rows are realigned.
    note_run(team, false, line_shift(src_of(pairs[0])) != 0);
  }

  // Stages, computes and unstages image n, group grp of one pair, using the
  // scratch of thread `slot`.
  // `stream`: compute into the scratch, then stream it to dst.
  template <class T>
  void run_image(const T* src, T* dst, int64_t n, int64_t grp, int slot, bool stream) const {
    const ConvDesc& d = work_;
    const int64_t row_blocks = geo_.row_blocks_with_tail();
    const T* in = src + (n * d.g + grp) * geo_.in_image;  // unstaged: ncx, groups in a row
    if (plan_.staged) {
      T* staged = staged_in<T>(slot);
      stage(src, n, grp, staged, 0, stage_rows());
      in = staged;
    }
    if (d.layout == Layout::nxc) {
      T* out = staged_out<T>(slot);
      compute(in, out, grp, 0, row_blocks, 0, geo_.blocks_with_tail());
      unstage(out, dst, n, grp, 0, d.o[0] * d.o[1]);
    } else if (stream) {
      T* out = staged_out<T>(slot);
      compute(in, out, grp, 0, row_blocks, 0, geo_.blocks_with_tail());
      const int64_t elems = d.ocg() * geo_.out_chan;
      stream_copy(out, dst + (n * d.g + grp) * elems, elems * sizeof(T), plan_.isa);
    } else {
      compute(in, dst + (n * d.g + grp) * d.ocg() * geo_.out_chan, grp, 0, row_blocks, 0, geo_.blocks_with_tail());
    }
  }

  // The same, the work of one image shared by every thread of the team
  // (the staged input in the scratch of the lease's first slot).
  template <class T>
  void run_image_shared(const T* src, T* dst, int64_t n, int64_t grp, const ScratchLease& lease) const {
    const int slot = lease.slot(0);
    const ConvDesc& d = work_;
    const int64_t row_blocks = geo_.row_blocks_with_tail();
    const bool nxc = d.layout == Layout::nxc;
    const T* in = plan_.staged ? staged_in<T>(slot) : src + (n * d.g + grp) * geo_.in_image;
    T* out = nxc ? staged_out<T>(slot) : dst + (n * d.g + grp) * d.ocg() * geo_.out_chan;
  #pragma omp parallel num_threads(plan_.threads)
    {
      const DenormalScope denormals(flush_denormals());
      const int t = omp_get_thread_num(), nt = omp_get_num_threads();
      const int64_t blocks = geo_.blocks_with_tail();
      // Realigned, the last share's first rows run beside the last edge
      // rows, which must be the same thread's.
      const bool by_rows = split_by_rows(row_blocks, blocks, nt), realign = !by_rows || row_blocks >= 2 * nt;
      if (t == 0) note_run(nt, true, realign && line_shift(in) != 0);
      if (plan_.staged) {
        auto [first, last] = split(stage_rows(), nt, t);
        stage(src, n, grp, const_cast<T*>(in), first, last);
  #pragma omp barrier
      }
      if (by_rows) {
        auto [b0, b1] = split(row_blocks, nt, t);
        compute(in, out, grp, b0, b1, 0, blocks, realign);
      } else {
        auto [c0, c1] = split(blocks, nt, t);
        compute(in, out, grp, 0, row_blocks, c0, c1);
      }
      if (nxc) {
  #pragma omp barrier
        auto [first, last] = split(d.o[0] * d.o[1], nt, t);
        unstage(out, dst, n, grp, first, last);
      }
    }
  }

  // Fills `to` with the (n, group) image as the inner kernel reads it, rows
  // [first, last) of stage_rows(): the staged planes' rows of every channel,
  // or channels last without stride phases, each row of all channels at
  // once (one transpose instead of a strided copy per channel).
  template <class T>
  void stage(const T* src, int64_t n, int64_t grp, T* to, int64_t first,
                            int64_t last) const {
    const ConvDesc& d = work_;
    const int64_t id = d.i[0], ih = d.i[1], iw = d.i[2], sw = d.s[2], pw = d.p[2];
    const bool nxc = d.layout == Layout::nxc;
    if (stages_pixels_) {
      const PhaseSpan span = phase_spans_.front();  // phase 0, the only one
      for (int64_t zy = first; zy < last; ++zy) {
        if (!staged_rows_read_[zy]) continue;
        const int64_t z = zy / geo_.in_h - d.p[0], y = zy % geo_.in_h - d.p[1];
        const bool inside = z >= 0 && z < id && y >= 0 && y < ih;
        for (int64_t c = 0; c < d.icg(); ++c) {
          T* out = to + c * geo_.in_chan + zy * geo_.in_row;
          std::fill(out, out + (inside ? span.j0 : geo_.in_row), T(0));
          if (inside) std::fill(out + span.j1, out + geo_.in_row, T(0));
        }
        if (!inside) continue;
        const T* line = src + ((n * id + z) * ih + y) * iw * d.ic + grp * d.icg() + (span.j0 - pw) * d.ic;
        transpose(line, span.j1 - span.j0, d.icg(), d.ic, to + zy * geo_.in_row + span.j0, geo_.in_chan);
      }
      return;
    }
    const int64_t step = nxc ? d.ic : 1;  // between columns of the source
    // Row = (channel, plane, row) of the staged input, counted without a
    // division per row (they cost as much as a short row's copy).
    const int64_t plane_rows = geo_.in_d * geo_.in_h;
    int64_t c = first / plane_rows, zy = first % plane_rows;
    for (int64_t row = first; row < last; ++row, ++zy) {
      if (zy == plane_rows) {
        c += 1;
        zy = 0;
      }
      if (!staged_rows_read_[zy]) continue;
      const int64_t z = zy / geo_.in_h - d.p[0], y = zy % geo_.in_h - d.p[1];
      T* out = to + c * geo_.in_chan + zy * geo_.in_row;
      if (z < 0 || z >= id || y < 0 || y >= ih) {
        std::fill(out, out + geo_.in_row, T(0));
        continue;
      }
      const int64_t ch = grp * d.icg() + c;
      const T* line = nxc ? src + ((n * id + z) * ih + y) * iw * d.ic + ch
                          : src + ((n * d.ic + ch) * id + z) * ih * iw + y * iw;
      for (const PhaseSpan& span : phase_spans_) {
        T* phase = out + span.phase * geo_.phase_len;
        std::fill(phase, phase + span.j0, T(0));
        copy_strided(line + (span.j0 * sw + span.phase - pw) * step, sw * step, span.j1 - span.j0,
                     phase + span.j0);
        std::fill(phase + span.j1, phase + geo_.phase_len, T(0));
      }
    }
  }

  int64_t stage_rows() const {
    return (stages_pixels_ ? 1 : work_.icg()) * geo_.in_d * geo_.in_h;
  }

  template <class T>
  void unstage(const T* from, T* dst, int64_t n, int64_t grp, int64_t first,
                              int64_t last) const {
    // The scratch rows are whole output rows back to back, so rows
    // [first, last) of every channel are one run of pixels to transpose.
    const ConvDesc& d = work_;
    const int64_t ow = d.o[2];
    T* out = dst + (n * d.o[0] * d.o[1] + first) * ow * d.oc + grp * d.ocg();
    transpose(from + first * ow, d.ocg(), (last - first) * ow, geo_.out_chan, out, d.oc);
  }

  // Runs row blocks [block_begin, block_end) of every plane and output-channel
  // blocks [oc_first, oc_last) of one image, tile_blocks_ row blocks at a time.
  // `realign`: the row blocks may run from src's next cache line on, every
  // thread's share of them beside the next's.
  template <class T>
  void compute(const T* in, T* out, int64_t grp, int64_t block_begin, int64_t block_end, int64_t oc_first,
               int64_t oc_last, bool realign = true) const {
    const int64_t shift = realign ? line_shift(in) : 0;
    for_each_call<T>(
        grp, block_begin, block_end, oc_first, oc_last,
        [&](OcPart part, CallArgs& args, int64_t src_at, int64_t dst_at) {
          args.src = in + src_at;
          args.dst = out + dst_at;
          inner_->call(part, args);
        },
        shift,
        [&](OcPart part, const CallArgs& args, int64_t b, int64_t first, int64_t end) {
          run_heads(in, out, part, args, b, first, end);
        });
  }

  // The first line of outputs of rows [first, end) of output-channel block
  // b, which the shifted rows before them overwrote (or, a share's first
  // row, never wrote), computed again by head_ into the output's rows: the
  // bits the shifted rows gave the columns both write.
  template <class T>
  void run_heads(const T* in, T* out, OcPart part, CallArgs args, int64_t b, int64_t first, int64_t end) const {
    args.row_tail = 0;
    auto run = [&](const Inner& head, int64_t row, int64_t blocks) {
      args.src = in + row * work_.s[1] * geo_.in_row;
      args.dst = out + b * plan_.oc_blk * geo_.out_chan + row * geo_.out_row;
      args.row_blocks = blocks;
      head.call(part, args);
    };
    if (const int64_t blocks = head_block_ && end > first ? (end - first) / kHeadBlockRows : 0) {
      run(*head_block_, first, blocks);
      first += blocks * kHeadBlockRows;
    }
    if (first < end) run(*head_, first, end - first);
  }

  // Elements from the start of a plane to the next place where its rows
  // fall on the cache lines as an aligned plane's do; 0 where the rows are
  // run where they are. Rows of whole lines need a line boundary; rows
  // that are not fall on the phases of the lines that their step's
  // multiples give (seed:im2col1000's 4000-byte rows on two, 32 bytes
  // apart), and a src already on one of those reads its rows as an aligned
  // one does, relabelled: moving it would only add the heads (1.06-1.07x
  // the aligned time at +32 bytes, Zen 4). By src's: its loads outnumber
  // dst's stores, and realigning by dst alone (a gathered, aligned src) ran
  // 1.08-1.13x the time of leaving the rows where they are on res4a_branch1.
  template <class T>
  int64_t line_shift(const T* in) const {
    const int64_t period = std::gcd<int64_t>(work_.s[1] * geo_.in_row * int64_t(sizeof(T)), 64);
    const int64_t off = int64_t(reinterpret_cast<uintptr_t>(in) % period);
    return realigns_ && off ? (period - off) / int64_t(sizeof(T)) : 0;
  }

  // The smallest run of rows the kernel makes: its row tail, else a block.
  int64_t edge_rows() const { return geo_.row_tail ? geo_.row_tail : plan_.ur_h; }

  // The inner calls of compute(): call(part, args, src_at, dst_at) with
  // args complete but src and dst, which are in + src_at and out + dst_at.
  // `shift` (line_shift()): the calls run their rows `shift` elements on,
  // the last one's rows but the last edge_rows(), which run where they are,
  // as do the first edge_rows() again for the pixels before the shift (a
  // flat 1x1 problem); or, wide rows (head_), heads(part, args, b, first,
  // end) computes the first pixels of rows [first, end) after the rows
  // before them, which the same thread ran: the share's first row and the
  // row after each call's. A share of a plane's rows that another follows
  // runs its last block where it is, so that no thread writes into another's
  // rows.
  template <class T, class F, class H = NoHeads>
  void for_each_call(int64_t grp, int64_t block_begin, int64_t block_end, int64_t oc_first, int64_t oc_last,
                     F&& call, int64_t shift = 0, H&& heads = H()) const {
    if (block_begin >= block_end) return;
    const ConvDesc& d = work_;
    const T* bias = this->bias<T>() ? this->bias<T>() + grp * d.ocg() : nullptr;
    const T* wei = packed_wei_.as<T>() + grp * geo_.wei_group;
    const int64_t units = geo_.row_blocks_with_tail();
    CallArgs args{};
    const int64_t last_edge_row = d.o[1] - edge_rows();
    for (int64_t tile = block_begin, tile_end; tile < block_end; tile = tile_end) {
      tile_end = tile + std::min(tile_blocks_, block_end - tile);
      const int64_t row0 = tile * plan_.ur_h;
      args.row_blocks = std::min(tile_end, geo_.row_blocks) - std::min(tile, geo_.row_blocks);
      args.row_tail = tile_end > geo_.row_blocks;
      for (int64_t b = oc_first; b < oc_last; ++b) {
        const OcPart part = b < geo_.oc_blocks ? OcPart::full : OcPart::tail;
        args.bias = bias ? bias + b * plan_.oc_blk : nullptr;
        for (int64_t z = 0; z < d.o[0]; ++z) {
          const auto [kd_first, kd_count] = input_depth_taps(d, plan_, z);
          args.kd_count = kd_count;
          args.wei = wei + b * geo_.wei_block + kd_first * d.k[1] * d.k[2] * plan_.oc_blk;
          const int64_t in_z = z * d.s[0] + kd_first * (d.d[0] + 1);
          const int64_t src_at = in_z * geo_.in_plane + row0 * d.s[1] * geo_.in_row;
          const int64_t dst_at = b * plan_.oc_blk * geo_.out_chan + z * geo_.out_plane + row0 * geo_.out_row;
          if (!shift) {
            call(part, args, src_at, dst_at);
            continue;
          }
          // Realigned: one plane (a flat 1x1 problem, or wide rows).
          const int64_t block_at = b * plan_.oc_blk * geo_.out_chan;
          CallArgs edge = args;
          edge.row_blocks = geo_.row_tail ? 0 : 1;
          edge.row_tail = geo_.row_tail ? 1 : 0;
          if (tile == 0 && !head_) call(part, edge, 0, block_at);
          const bool share_ends = head_ && tile_end == block_end && block_end < units;
          CallArgs body = args;
          if (tile_end == units) (geo_.row_tail ? body.row_tail : body.row_blocks) -= 1;
          if (share_ends) body.row_blocks -= 1;
          if (body.row_blocks || body.row_tail) call(part, body, src_at + shift, dst_at + shift);
          if (head_) {
            const int64_t rows = body.row_blocks * plan_.ur_h + (body.row_tail ? geo_.row_tail : 0);
            heads(part, args, b, tile == block_begin ? row0 : row0 + 1, std::min(row0 + rows + 1, d.o[1]));
          }
          if (tile_end == units)
            call(part, edge, last_edge_row * d.s[1] * geo_.in_row, block_at + last_edge_row * geo_.out_row);
          if (share_ends) {
            CallArgs last = args;
            last.row_blocks = 1;
            last.row_tail = 0;
            const int64_t last_row = block_end * plan_.ur_h - plan_.ur_h;
            call(part, last, last_row * d.s[1] * geo_.in_row, block_at + last_row * geo_.out_row);
          }
        }
      }
    }
  }

  template <class T>
  void record_direct_calls() {
    const ConvDesc& d = work_;
    const int64_t row_blocks = geo_.row_blocks_with_tail();
    PlannedKernel::record_direct_calls([&](auto&& record) {
      for (int64_t grp = 0; grp < d.g; ++grp)
        for_each_call<T>(grp, 0, row_blocks, 0, geo_.blocks_with_tail(),
                         [&](OcPart part, const CallArgs& args, int64_t src_at, int64_t dst_at) {
          record(part, args, (grp * geo_.in_image + src_at) * int64_t(sizeof(T)),
                 (grp * d.ocg() * geo_.out_chan + dst_at) * int64_t(sizeof(T)));
        });
    });
  }

  // Row blocks per tile: every output-channel block sweeps one tile of the
  // input while it is in the L2 before the next tile is read.
  const int64_t tile_blocks_;
  // Wide rows shifted: the inner kernels of their heads (shifts_wide_rows()),
  // a row at a time and kHeadBlockRows a block (null where it does not fit).
  const std::shared_ptr<const Inner> head_;
  const std::shared_ptr<const Inner> head_block_;
  // line_shift() may be nonzero: see kMinRowsPerRealignedRow and head_.
  const bool realigns_;
  // Staged rows (planes x rows of one channel) and stride phases that some
  // tap reads; stage() leaves the others unwritten. A phase's columns
  // [j0, j1) come from the input, the rest are padding.
  struct PhaseSpan {
    int64_t phase, j0, j1;
  };
  std::vector<char> staged_rows_read_;
  bool stages_pixels_ = false;  // channels last, one phase: rows of all channels
  std::vector<PhaseSpan> phase_spans_;
};

}  // namespace

std::unique_ptr<PlannedKernel> OwVector::driver(const ConvDesc& user, const WorkProblem& work, const Plan& plan,
                                                Backend backend, const InnerSource& inners) const {
  return std::make_unique<OwVectorKernel>(user, work, plan, backend, inners);
}

}  // namespace convjit
