// The Winograd driver around its products (JIT'd or interpreted): the
// weights transformed once at bind (U = G g G^T, in double, rounded once),
// and per chunk of tiles of one group (of one image, or spanning images
// where the transformed weights are large), the input transform into
// V, the products into M, the output transform with the bias and ReLU
// fused before the store (non-temporal where the run's output is large).
// Reads and writes every layout through its strides, channels first
// through rows transposed to vectors of channels;
// threads take chunks of tiles of every image, and where those are
// too few to share evenly (a small image at batch 1), parts of the output
// channels of each chunk too (each part transforms the chunk's input again:
// a tenth of ResNet-50 res4's time at batch 1, but its V stays in the core
// that reads it; parts that each transformed a share of the vectors into
// one V, which all of them then read, ran 1.35x the time with two threads
// on Zen 5, the V's lines crossing between the cores).
#include <immintrin.h>
#include <omp.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "jit/cpu_caches.hpp"
#include "kernels/denormals.hpp"
#include "kernels/parallel.hpp"
#include "kernels/partial_copy.hpp"
#include "kernels/planned_kernel.hpp"
#include "kernels/transpose.hpp"
#include "problem/activation_strides.hpp"
#include "strategies/winograd/geometry.hpp"
#include "strategies/winograd/strategy.hpp"
#include "strategies/winograd/transforms.hpp"

namespace convjit {
namespace {

// Vectors from and to memory, as the transforms read and write them: a
// tile's a^2 loads unrolled in the transform's first pass, its stores in
// its second. As loops (a bounds check per pixel, a position divided into
// row and column, the tile copied through the stack) the transforms took
// 42% of ResNet-50 res2's time; unrolled, res2 ran in 0.78x the time, res3
// 0.87x, VGG-19 conv3_2 0.89x (Zen 5, 1 thread, nCx16c, alternated in one
// process; channels last 0.75-1.0x, channels first 0.86-1.0x, res5 even).
template <class V, class T>
[[gnu::always_inline]] inline void load_vector(const T* at, V& v) {
  std::memcpy(&v, at, sizeof(V));
}
template <class V, class T>
[[gnu::always_inline]] inline void store_vector(T* at, const V& v) {
  std::memcpy(at, &v, sizeof(V));
}

// A tile's m x m output vectors to `at`, rows `row` and columns `column`
// elements apart: unrolled, as the transforms' sums.
template <class V, class T, int M>
[[gnu::always_inline]] inline void store_tile(const V (&tile)[M][M], T* at, int64_t row, int64_t column) {
#pragma GCC unroll 8
  for (int i = 0; i < M; ++i)
#pragma GCC unroll 8
    for (int j = 0; j < M; ++j) store_vector(at + i * row + j * column, tile[i][j]);
}

// Bits [0, n) set for the indices i with first + i in [0, size).
inline unsigned bits_within(int64_t first, int64_t size, int n) {
  const int64_t lo = std::max<int64_t>(0, -first), hi = std::min<int64_t>(n, size - first);
  return hi > lo ? ((1u << hi) - 1) & ~((1u << lo) - 1) : 0u;
}

// store_tile with non-temporal stores of 16 bytes (SSE2: any ISA), at an
// address 16-byte aligned.
template <class V, class T, int M>
[[gnu::always_inline]] inline void stream_tile(const V (&tile)[M][M], T* at, int64_t row, int64_t column) {
#pragma GCC unroll 8
  for (int i = 0; i < M; ++i)
#pragma GCC unroll 8
    for (int j = 0; j < M; ++j) {
      const char* from = reinterpret_cast<const char*>(&tile[i][j]);
      char* to = reinterpret_cast<char*>(at + i * row + j * column);
#pragma GCC unroll 4
      for (std::size_t q = 0; q < sizeof(V); q += 16) {
        __m128i part;
        std::memcpy(&part, from + q, 16);
        _mm_stream_si128(reinterpret_cast<__m128i*>(to + q), part);
      }
    }
}

// Transformed weights up to this size are read whole by each thread that
// takes a share of a chunk's tiles: between res4's 9.4 MB, which gained,
// and res5's 16.8 MB, which lost, below half the 32 MB L3 a Zen 5 core
// shares (the VM reports none; its read bandwidth falls from 16 MB on).
constexpr int64_t kEachReadsWeights = 12 << 20;

class WinogradKernel final : public TypedKernel<WinogradKernel, WinogradGeometry> {
 public:
  WinogradKernel(const ConvDesc& desc, const WorkProblem& work, const Plan& plan, Backend backend,
                 std::shared_ptr<const Inner> inner)
      : TypedKernel(desc, work, plan, backend, std::move(inner)),
        in_(ActivationStrides::of(work.layout, work.ic, work.i)),
        out_(ActivationStrides::of(work.layout, work.oc, work.o)) {}

 private:
  friend class TypedKernel<WinogradKernel, WinogradGeometry>;

  template <class T>
  void bind_typed(const T* weights, const void* bias) {
    size_packed_weights(work_.g * geo_.u_group);
    if (geo_.m == 2) pack_weights<T, 2>(weights);
    else pack_weights<T, 4>(weights);
    // Channels first: the staged input and output rows after V and M.
    bind_common(bias, geo_.positions * geo_.v_position + planes_ * geo_.a * work_.i[2] * lanes_,
                geo_.positions * geo_.m_position + planes_ * geo_.m * work_.o[2] * lanes_);
  }

  // U[group][position][oc block][ic][oc_blk] from [g][oc/g][ic/g][3][3]:
  // the filters of a run of output channels at once, in the lanes of a
  // vector of doubles, each position's values stored together, block by
  // block and channel by channel in the order U is laid out. A filter at a
  // time, each of its a^2 values to a line of its own, bound ResNet-50's and
  // VGG-19's 3x3 layers at 0.07-0.2 GB/s.
  template <class T, int M>
  void pack_weights(const T* wei) {
    using D = winograd::ChannelVec<double>;
    constexpr int64_t kLanes = winograd::Channels<double>::lanes;
    T* packed = packed_wei_.as<T>();
    const int64_t ocg = work_.ocg(), icg = geo_.icg, blk = plan_.oc_blk;
    // A run never crosses a block: blk is a multiple of the vector (4 or more).
    const int64_t run = blk % kLanes == 0 ? kLanes : kLanes / 2;
    for (int64_t grp = 0; grp < work_.g; ++grp)
      for (int64_t first = 0; first < ocg; first += blk)
        for (int64_t ic = 0; ic < icg; ++ic)
          for (int64_t oc = first; oc < std::min(first + blk, ocg); oc += run) {
            const int64_t lanes = std::min(run, ocg - oc);
            D g[3][3] = {}, u[M + 2][M + 2];
            for (int64_t l = 0; l < lanes; ++l) {
              const T* from = wei + ((grp * ocg + oc + l) * icg + ic) * 9;
              for (int k = 0; k < 9; ++k) g[k / 3][k % 3][l] = double(from[k]);
            }
            winograd::weight_transform<M>(g, u);
            T* to = packed + grp * geo_.u_group + oc / blk * icg * blk + ic * blk + oc % blk;
            for (int pos = 0; pos < geo_.positions; ++pos) {
              for (int64_t l = 0; l < lanes; ++l) to[pos * geo_.u_position + l] = T(u[pos / geo_.a][pos % geo_.a][l]);
              // The output channels past oc/g in the last block: computed,
              // never stored; zero, so that no garbage denormal slows them.
              if (oc + run >= ocg)
                std::fill(to + pos * geo_.u_position + lanes, to + pos * geo_.u_position + (blk - oc % blk), T(0));
            }
          }
  }

  template <class T>
  void run_typed(std::span<const TensorPair> pairs, int64_t images) const {
    const int threads = threads_for(flops_per_image_ * images, plan_.threads);
    const ScratchLease lease = lease_scratch();
    for (const TensorPair& p : pairs) {
      const T* src = static_cast<const T*>(p.src.data);
      T* dst = static_cast<T*>(p.dst.data);
      // Chunks of the batch's tiles, one image after another: where the
      // transformed weights are large, a chunk spans images and reads them
      // once for all its tiles.
      const int64_t images = p.src.shape.dim[0];
      const int64_t per_group = chunks_of(images * geo_.tiles, threads), chunks = work_.g * per_group;
      const int64_t parts = oc_parts(chunks, threads), items = chunks * parts;
      // Even shares in order, each thread under the run's denormal policy.
      // (Dealt as the direct drivers deal theirs, a slow thread's chunks
      // taken over, VGG-19 conv3_1 and conv4_1 ran 1.03-1.07x the time with
      // two threads on Zen 5, alternated in one process: a chunk there
      // streams all the transformed weights.)
#pragma omp parallel num_threads(threads) if (threads > 1)
      {
        const int slot = lease.slot(omp_get_thread_num());
        const DenormalScope denormals(flush_denormals());
#pragma omp for schedule(static)
        for (int64_t item = 0; item < items; ++item) {
          const int64_t part = item % parts, whole = item / parts;
          const int64_t chunk = whole % per_group, grp = whole / per_group;
          const OcRange oc{geo_.oc_blocks * part / parts, geo_.oc_blocks * (part + 1) / parts};
          const TileRange tiles = chunk_tiles(images * geo_.tiles, per_group, chunk);
          if (tiles.count == 0) continue;
          if (geo_.m == 2) compute_for_isa<T, 2>(src, dst, images, grp, tiles, oc, slot);
          else compute_for_isa<T, 4>(src, dst, images, grp, tiles, oc, slot);
        }
      }
    }
    note_run(threads, false);
  }

  // Output-channel blocks [first, end) of a chunk.
  struct OcRange {
    int64_t first, end;
  };
  // A chunk: `count` tiles of the batch from `first` (image after image).
  struct TileRange {
    int64_t first, count;
  };

  // Chunks per group of a batch's `tiles` tiles: as many as the geometry's
  // size needs, rounded up to a multiple of the threads where those are few
  // and there are blocks of ur_w tiles enough to share evenly, so that the
  // threads take equal shares of tiles (chunk_tiles()) rather than splitting
  // the output channels, where each transforms the whole input again. At
  // batch 1 ResNet-50 res2's 196 tiles went in 7 chunks of 30 (the threads
  // took 4 and 3) and res3's 49 in one chunk split over the output channels.
  // With fewer blocks, where they still share evenly and the transformed
  // weights are small enough that each thread reads all of them from the
  // L3 (kEachReadsWeights), the threads take tiles too: ResNet-50 res4 at
  // batch 1 (16 tiles in 2 blocks, 9.4 MB of weights) ran 0.92-0.94 of the
  // time of the output channels' split with two threads; res5 (16.8 MB)
  // 1.07-1.10x, VGG-19 conv5_1 (37.7 MB) 1.49x (Zen 5, alternated in one
  // process).
  int64_t chunks_of(int64_t tiles, int threads) const {
    const int64_t count = (tiles + geo_.chunk - 1) / geo_.chunk;
    const int64_t blocks = (tiles + plan_.ur_w - 1) / plan_.ur_w;
    if (count % threads == 0 || count >= 8 * threads) return count;
    const int64_t weights = work_.g * geo_.u_group * int64_t(size_of(work_.dt));
    const bool even = blocks >= 4 * threads || (blocks % threads == 0 && weights <= kEachReadsWeights);
    return even ? round_up(count, threads) : count;
  }
  // Tiles of chunk i of `chunks` over `tiles`: blocks of ur_w, the last one
  // partial, split at i * blocks / chunks, so that a chunk has no more
  // blocks than the geometry's chunk and the partial block falls in the
  // last share, the fewer whole blocks beside it (res3's 49 tiles in 10
  // chunks of one block: 24 + 25 tiles for two threads, where giving the
  // first chunks the extra blocks made 30 + 19).
  TileRange chunk_tiles(int64_t tiles, int64_t chunks, int64_t i) const {
    const int64_t blocks = (tiles + plan_.ur_w - 1) / plan_.ur_w;
    const int64_t begin = std::min(blocks * i / chunks * plan_.ur_w, tiles);
    return {begin, std::min(blocks * (i + 1) / chunks * plan_.ur_w, tiles) - begin};
  }

  // Parts of the output channels per chunk: 1 where the chunks share evenly
  // among the threads (or are many), else the fewest parts that make them.
  int64_t oc_parts(int64_t chunks, int threads) const {
    int64_t parts = 1;
    while (parts < geo_.oc_blocks && (chunks * parts) % threads != 0 && chunks * parts < 8 * threads) ++parts;
    return parts;
  }

  // The library is built for any x86-64: the transforms are compiled again
  // for the plan's ISA, whose vectors the CPU has, and run as that. JIT and
  // interpreter kernels of one plan run the same compiled transforms.
  template <class T, int M>
  void compute_for_isa(const T* src, T* dst, int64_t images, int64_t grp, TileRange tiles, OcRange oc, int slot) const {
    if (geo_.tile_major) compute_for_isa<T, M, true>(src, dst, images, grp, tiles, oc, slot);
    else compute_for_isa<T, M, false>(src, dst, images, grp, tiles, oc, slot);
  }
  template <class T, int M, bool TileMajor>
  void compute_for_isa(const T* src, T* dst, int64_t images, int64_t grp, TileRange tiles, OcRange oc, int slot) const {
    if (plan_.isa == Isa::avx512) compute_avx512<T, M, TileMajor>(src, dst, images, grp, tiles, oc, slot);
    else if (plan_.isa == Isa::avx2) compute_avx2<T, M, TileMajor>(src, dst, images, grp, tiles, oc, slot);
    else compute<T, M, TileMajor>(src, dst, images, grp, tiles, oc, slot);
  }
  template <class T, int M, bool TileMajor>
  [[gnu::target("avx512f,avx512vl,avx512dq,avx2,fma")]] void compute_avx512(const T* src, T* dst, int64_t images, int64_t grp,
                                                                          TileRange tiles, OcRange oc, int slot) const {
    compute<T, M, TileMajor>(src, dst, images, grp, tiles, oc, slot);
  }
  template <class T, int M, bool TileMajor>
  [[gnu::target("avx2,fma")]] void compute_avx2(const T* src, T* dst, int64_t images, int64_t grp, TileRange tiles,
                                                 OcRange oc, int slot) const {
    compute<T, M, TileMajor>(src, dst, images, grp, tiles, oc, slot);
  }

  // The tiles of a chunk of the batch's `images` (image after image), group
  // grp, output-channel blocks oc. The transforms take C channels at a time
  // (a vector's worth), channels innermost: V and M hold them contiguous.
  template <class T, int M, bool TileMajor>
  [[gnu::always_inline]] void compute(const T* src, T* dst, int64_t images, int64_t grp, TileRange tiles, OcRange oc,
                                      int slot) const {
    using V = winograd::ChannelVec<T>;
    constexpr int A = M + 2, C = winograd::Channels<T>::lanes;
    T* v = staged_in<T>(slot);
    T* prod = staged_out<T>(slot);
    const int64_t first = tiles.first, count = tiles.count, rows = geo_.rows(count, plan_.ur_w);
    // Positions as far apart as this chunk needs (a batch smaller than the
    // chunk the scratch was sized for leaves them nearer).
    const auto [v_position, m_position] = geo_.positions_apart(rows, C);
    const int64_t icg = geo_.icg, ocg = work_.ocg(), ih = work_.i[1], iw = work_.i[2];
    const int64_t oh = work_.o[1], ow = work_.o[2];
    const Run* in_runs = in_runs_.data() + grp * per_group(icg);
    const Run* out_runs = out_runs_.data() + grp * per_group(ocg);
    // Runs from every multiple of vlen: a vector of C channels is C / vlen of them.
    const int64_t runs_per_vector = C / plan_.vlen;
    // The transforms take a vector of channels of a tile at a time, in the
    // order the layout keeps them: channels last, tile after tile (a pixel's
    // lines read and written whole); else vector after vector, each over the
    // tiles (a plane, or a block's plane, read in order). Channels last ran
    // 0.71-1.0x the time tile after tile (VGG-19's and ResNet-50's 3x3
    // layers at batch 1), blocked 0.89-1.07x (worse on large images),
    // channels first 0.94-1.19x (Xeon, 1 thread, alternated in one
    // process): TileMajor for channels last, and for blocked layouts of
    // small images (WinogradGeometry::tile_major); a compile-time order, as
    // a run-time one cost the others 2-7%.
    // Channels first: a vector of channels of one pixel would be read (and
    // written) a lane at a time, each lane a plane away; instead the a rows
    // of a tile row are transposed once per vector of channels into rows of
    // pixels of C channels, which its tiles read as vectors (and the m
    // output rows written back the same way). Lane by lane, ResNet-50's
    // res2 took 1.53x the blocked layout's time, res3 1.32x, VGG-19 conv2_2
    // 1.35x; staged, 1.17x, 1.09x, 1.14x (Xeon, 1 thread, alternated in
    // one process). Small images gain least: res4 and res5 1.01-1.04x.
    const bool planes = planes_;  // a local: the loops' stores leave it in a register
    T* const in_rows = v + geo_.positions * geo_.v_position;      // a x iw x C
    T* const out_rows = prod + geo_.positions * geo_.m_position;  // m x ow x C
    // The image's tile row and vector of channels the staged rows hold;
    // moved() says when a tile needs others, and records them.
    struct Staged {
      int64_t row = -1, k = -1;
      bool moved(int64_t r, int64_t vector) {
        if (row == r && k == vector) return false;
        row = r, k = vector;
        return true;
      }
    };
    Staged in_staged;
    // Where the run's input outgrows the L2, each tile's reads wait on the
    // L3 or memory: the lines of the tile kPrefetchTiles ahead are
    // prefetched (the a rows of the m columns its neighbour does not
    // share), and the output's lines likewise, unless they are streamed.
    // Measured (Zen 4, 1 MiB L2, 1 thread, nCx16c, with and without
    // alternated in one process): VGG-19 conv1_2 and conv2_1 0.88 of the
    // time, conv2_2 0.90, conv3_1 0.94, conv3_2 to conv4_2 0.97-0.98,
    // ResNet-50 res3 at batch 32 0.88 (channels last: conv1_2 0.92); the
    // input's prefetch alone 0.91-0.96, the output's 0.95-0.97 more; two
    // tiles ahead or four even, eight worse. Where the input stays in the L2
    // (res2 to res4 at batch 1, 800 KB and less) they cost 0.7-3%.
    const bool prefetch_in = !planes && images * in_.n * int64_t(sizeof(T)) > l2_bytes_;
    const int64_t in_vectors = (icg + C - 1) / C;
    for (int64_t outer = 0; outer < (TileMajor ? rows : in_vectors); ++outer)
      for (int64_t inner = 0; inner < (TileMajor ? in_vectors : rows); ++inner) {
        const int64_t t = TileMajor ? outer : inner, k = TileMajor ? inner : outer, c0 = k * C;
        const Run r = in_runs[k * runs_per_vector];
        const TileAt at = tile_at(first + t, M);
        const int64_t n = at.n, y0 = at.y - work_.p[1], x0 = at.x - work_.p[2];
        // A pad tile (t >= count) may lie past the last image: no pointer there.
        const T* image = t < count ? src + n * in_.n + r.offset : src;
        if (planes && t < count && in_staged.moved(at.batch_row, k))
          for (int i = 0; i < A; ++i)
            if (y0 + i >= 0 && y0 + i < ih)
              transpose_into_block(image + (y0 + i) * iw, r.count, iw, in_.cblock, in_rows + i * iw * C, C);
        if (prefetch_in && t < count) prefetch_input<T, M>(src, images, first + t + kPrefetchTiles, r);
        // Whole vectors of a tile inside the image: its a^2 loads unrolled,
        // feeding the transform's sums, which go straight to V.
        const bool inside = t < count && y0 >= 0 && y0 + A <= ih && x0 >= 0 && x0 + A <= iw;
        const bool whole = planes || (r.even && r.step == 1 && r.count == C);  // staged, channels last or blocked
        T* to = v + t * icg + c0;
        auto to_v = [&](int i, int j, const V& s) { store_vector(to + (i * A + j) * v_position, s); };
        // Channels first: the staged rows, from the tile's first.
        const T* from = planes ? in_rows : image;
        const int64_t row = planes ? iw * C : in_.h, column = planes ? C : in_.w;
        const int64_t offset = (planes ? 0 : y0 * row) + x0 * column;
        auto pixel = [&](int i, int j) { return from + (offset + i * row + j * column); };  // inside the image only
        if (inside && whole && r.count == C) {
          winograd::input_transform<M, V>([&](int i, int j, V& d) { load_vector(pixel(i, j), d); }, to_v);
        } else if (t < count && whole && r.count == C && border_loads_) {
          // Reaching past the image: zeros there, the rest loaded as inside.
          const unsigned rows_in = bits_within(y0, ih, A), columns_in = bits_within(x0, iw, A);
          winograd::input_transform<M, V>(
              [&](int i, int j, V& d) {
                if (rows_in >> i & columns_in >> j & 1u) load_vector(pixel(i, j), d);
                else d = V{};
              },
              to_v);
        } else {
          // Parts of vectors of channels, a pad tile, or (border_loads_
          // off) a tile reaching past the image: zeros where it does.
          V d[A][A], tv[A][A];
          std::memset(d, 0, sizeof d);
          if (t < count)
            for (int i = 0; i < A; ++i)
              for (int j = 0; j < A; ++j)
                if (y0 + i >= 0 && y0 + i < ih && x0 + j >= 0 && x0 + j < iw) {
                  const T* at = pixel(i, j);
                  if (whole) load_vector(at, d[i][j]);
                  else if (r.even && r.step == 1)  // part of one
                    copy_first(reinterpret_cast<T*>(&d[i][j]), at, r.count);
                  else
                    for (int c = 0; c < r.count; ++c) d[i][j][c] = at[lane_offset(in_, r, grp * icg + c0, c)];
                }
          winograd::input_transform<M, V>([&](int i, int j, V& into) { into = d[i][j]; },
                                          [&](int i, int j, const V& s) { tv[i][j] = s; });
          for (int pos = 0; pos < A * A; ++pos)
            if (r.count == C) to_v(pos / A, pos % A, tv[pos / A][pos % A]);
            else copy_first(to + pos * v_position, reinterpret_cast<const T*>(&tv[pos / A][pos % A]), r.count);
        }
      }
    const T* u = packed_wei_.as<T>() + grp * geo_.u_group;
    auto weights = [&](int pos, int64_t b) { return u + pos * geo_.u_position + b * icg * plan_.oc_blk; };
    for (int pos = 0; pos < A * A; ++pos)
      for (int64_t b = oc.first; b < oc.end; ++b) {
        CallArgs args{};
        args.src = v + pos * v_position;
        args.wei = weights(pos, b);
        args.wei_next = b + 1 < oc.end ? weights(pos, b + 1) : pos + 1 < A * A ? weights(pos + 1, oc.first) : args.wei;
        args.dst = prod + pos * m_position + b * plan_.oc_blk;
        args.row_blocks = rows / plan_.ur_w;
        args.row_tail = rows % plan_.ur_w;
        inner_->call(OcPart::full, args);
      }
    const T* bias_of_group = bias<T>() ? bias<T>() + grp * ocg : nullptr;
    // Channels first: out_rows holds output rows [row_y, row_y + m) of the
    // staged vector's channels, columns [row_x, row_end), at row_image,
    // until the tiles reach the next tile row or vector.
    Staged out_staged;
    int64_t row_y = 0, row_x = 0, row_end = 0;
    int row_count = 0;
    T* row_image = nullptr;
    auto write_rows = [&] {
      for (int64_t i = 0; i < M && row_y + i < oh; ++i)
        transpose(out_rows + (i * ow + row_x) * C, row_end - row_x, row_count, C, row_image + (row_y + i) * ow + row_x,
                  out_.cblock);
    };
    // This call's output channels: [oc_first, oc_end), from a multiple of vlen.
    const int64_t oc_first = oc.first * plan_.oc_blk, oc_end = std::min(ocg, oc.end * plan_.oc_blk);
    const int64_t out_vectors = (oc_end - oc_first + C - 1) / C;
    const bool stream = !planes && images * out_.n * int64_t(sizeof(T)) >= streamed_from_ &&
                        (out_.w * sizeof(T)) % 16 == 0 && (out_.h * sizeof(T)) % 16 == 0;
    const bool prefetch_out = !planes && !stream && images * out_.n * int64_t(sizeof(T)) > l2_bytes_;
    for (int64_t outer = 0; outer < (TileMajor ? count : out_vectors); ++outer)
      for (int64_t inner = 0; inner < (TileMajor ? out_vectors : count); ++inner) {
        const int64_t t = TileMajor ? outer : inner, k = TileMajor ? inner : outer, c0 = oc_first + k * C;
        Run r = out_runs[oc_first / plan_.vlen + k * runs_per_vector];
        r.count = int(std::min<int64_t>(r.count, oc_end - c0));
        const TileAt at = tile_at(first + t, M);
        const int64_t y0 = at.y, x0 = at.x;
        T* image = dst + at.n * out_.n + r.offset;
        const bool staged_before = out_staged.row >= 0;
        if (planes && out_staged.moved(at.batch_row, k)) {
          if (staged_before) write_rows();
          row_image = image, row_y = y0, row_x = x0, row_count = r.count;
        }
        V b = {}, y[M][M];
        if (bias_of_group && r.count == C) std::memcpy(&b, bias_of_group + c0, sizeof(V));
        else if (bias_of_group) copy_first(reinterpret_cast<T*>(&b), bias_of_group + c0, r.count);
        if (prefetch_out) prefetch_output<T, M>(dst, images, first + t + kPrefetchTiles, r);
        const T* from = prod + t * geo_.ocp + c0;
        auto to_y = [&](int i, int j, const V& s) { y[i][j] = s; };
        if (r.count == C) {
          winograd::output_transform<M, V>(
              [&](int i, int j, V& x) { load_vector(from + (i * A + j) * m_position, x); }, to_y);
        } else {
          V x[A][A] = {};
          for (int pos = 0; pos < A * A; ++pos)
            copy_first(reinterpret_cast<T*>(&x[pos / A][pos % A]), from + pos * m_position, r.count);
          winograd::output_transform<M, V>([&](int i, int j, V& into) { into = x[i][j]; }, to_y);
        }
#pragma GCC unroll 4
        for (int i = 0; i < M; ++i)
#pragma GCC unroll 4
          for (int j = 0; j < M; ++j) {
            if (bias_of_group) y[i][j] += b;
            if (work_.post_ops.relu) y[i][j] = y[i][j] > V{} ? y[i][j] : V{};  // vmaxps: +0 for -0 and NaN
          }
        const bool whole = planes || (r.even && r.step == 1 && r.count == C);
        if (y0 + M <= oh && x0 + M <= ow && whole) {
          if (planes) store_tile(y, out_rows + x0 * C, ow * C, C);
          else if (T* at = image + y0 * out_.h + x0 * out_.w; stream && reinterpret_cast<uintptr_t>(at) % 16 == 0)
            stream_tile(y, at, out_.h, out_.w);
          else store_tile(y, at, out_.h, out_.w);
        } else
          for (int i = 0; i < M && y0 + i < oh; ++i)
            for (int j = 0; j < M && x0 + j < ow; ++j) {
              T* at = planes ? out_rows + (i * ow + x0 + j) * C : image + (y0 + i) * out_.h + (x0 + j) * out_.w;
              if (whole) std::memcpy(at, &y[i][j], sizeof(V));
              else if (r.even && r.step == 1) copy_first(at, reinterpret_cast<const T*>(&y[i][j]), r.count);
              else
                for (int c = 0; c < r.count; ++c) at[lane_offset(out_, r, grp * ocg + c0, c)] = y[i][j][c];
            }
        row_end = std::min(ow, x0 + M);
      }
    if (out_staged.row >= 0) write_rows();
    if (stream) _mm_sfence();
  }

  // Channels c0 + c of a pixel, c < count: at + step * c where the layout
  // keeps them evenly spaced (channels last, channels first, whole blocks);
  // else each channel's own offset (a vector across blocks). Found once per
  // kernel (the layouts' channel arithmetic divides) for every vector of
  // channels of every group from every multiple of vlen: a thread's share
  // of the output channels starts at a block of oc_blk.
  struct Run {
    int64_t offset, step;
    int count;
    bool even;
  };
  int64_t per_group(int64_t channels) const { return (channels + plan_.vlen - 1) / plan_.vlen; }
  std::vector<Run> runs_of(const ActivationStrides& s, int64_t channels) const {
    std::vector<Run> runs;
    for (int64_t grp = 0; grp < work_.g; ++grp)
      for (int64_t c0 = 0; c0 < channels; c0 += plan_.vlen) {
        const int cs = int(std::min<int64_t>(lanes_, channels - c0));
        const int64_t c = grp * channels + c0, step = cs == 1 ? 0 : s.channel(c + 1) - s.channel(c);
        runs.push_back({s.channel(c), step, cs, cs == 1 || s.channel(c + cs - 1) - s.channel(c) == (cs - 1) * step});
      }
    return runs;
  }
  static int64_t lane_offset(const ActivationStrides& s, const Run& r, int64_t c0, int c) {
    return r.even ? c * r.step : s.channel(c0 + c) - r.offset;
  }

  // Batch tile `bt` (image after image): its image, its row of tiles in
  // the batch (what channels first stages rows by), and the first output
  // row and column it computes.
  struct TileAt {
    int64_t n, batch_row, y, x;
  };
  TileAt tile_at(int64_t bt, int m) const {
    const int64_t n = bt / geo_.tiles, tile = bt % geo_.tiles, row = tile / geo_.tiles_w;
    return {n, n * geo_.tiles_h + row, row * m, tile % geo_.tiles_w * m};
  }

  static constexpr int64_t kPrefetchTiles = 2;
  // The lines of batch tile `bt` (image after image) that the run reads:
  // its a rows of the last m columns (the first a - m its left neighbour
  // read), inside the image, of the vector of channels `r`. And the m x m
  // lines it writes.
  template <class T, int M>
  [[gnu::always_inline]] void prefetch_input(const T* src, int64_t images, int64_t bt, const Run& r) const {
    const TileAt at = tile_at(bt, M);
    if (at.n < images)  // a - m = 2 columns shared
      prefetch_lines<M + 2, M>(src + at.n * in_.n + r.offset, in_, at.y - work_.p[1], at.x - work_.p[2] + 2,
                               work_.i[1], work_.i[2]);
  }
  template <class T, int M>
  [[gnu::always_inline]] void prefetch_output(const T* dst, int64_t images, int64_t bt, const Run& r) const {
    const TileAt at = tile_at(bt, M);
    if (at.n < images)
      prefetch_lines<M, M>(dst + at.n * out_.n + r.offset, out_, at.y, at.x, work_.o[1], work_.o[2]);
  }
  // Rows [y, y + Rows) and columns [x, x + Cols) of an h x w image, those inside it.
  template <int Rows, int Cols, class T>
  [[gnu::always_inline]] static void prefetch_lines(const T* image, const ActivationStrides& s, int64_t y, int64_t x,
                                                    int64_t h, int64_t w) {
    for (int i = 0; i < Rows; ++i)
      if (y + i >= 0 && y + i < h)
        for (int j = 0; j < Cols; ++j)
          if (x + j >= 0 && x + j < w)
            _mm_prefetch(reinterpret_cast<const char*>(image + (y + i) * s.h + (x + j) * s.w), _MM_HINT_T0);
  }

  const ActivationStrides in_, out_;
  // Tiles of whole vectors that reach past the image load what is inside
  // as the transform's first pass reads it, where they were zeroed on the
  // stack and filled pixel by pixel: on AVX-512, ResNet-50 res3 and res4
  // (half their tiles and three quarters such) 0.97-0.98 of the time (the
  // three layouts alike), VGG-19 conv4_1 and conv5_1 0.96-0.99, res5 0.98,
  // larger images even; on AVX2 res3 and res4 ran 1.02-1.03x the time (Zen
  // 4, 1 thread, old and new alternated process by process), so AVX2 keeps
  // the stack.
  const bool border_loads_ = plan_.isa == Isa::avx512;
  const bool planes_ = work_.layout == Layout::ncx;  // channels first: rows staged
  // Runs whose output is at least half the last-level cache store whole
  // vectors with non-temporal stores: that output leaves the cache before
  // anything reads it, and a plain store first reads its line from memory.
  // At batch 32 (Zen 5, a VM that reports no caches: the 8 MiB default, so
  // 4 MiB, where its L3 is 32 MB; 1 thread, nCx16c, alternated in one
  // process) ResNet-50 res2 (25.7 MB of output) 0.86-0.89 of the time, res3
  // 0.92, res4 0.98; at batch 1 VGG-19 conv1_2 0.95, conv2_2 even. As
  // 16-byte stores, which any vector ISA and a dst 16 bytes off a line take
  // (a 4-byte phase stores plainly); outputs of 1.6-3.2 MB streamed ran
  // 0.98-0.99, so half the cache is no cliff either way. Unmeasured on a
  // Xeon, whose L3 puts the threshold at 52 MB.
  const int64_t streamed_from_ = last_level_cache_bytes() / 2;
  const int64_t l2_bytes_ = l2_cache_bytes();
  const int64_t lanes_ = 64 / int64_t(size_of(work_.dt));  // winograd::Channels<T>::lanes
  const std::vector<Run> in_runs_ = runs_of(in_, geo_.icg), out_runs_ = runs_of(out_, work_.ocg());
};

}  // namespace

std::unique_ptr<PlannedKernel> Winograd::driver(const ConvDesc& user, const WorkProblem& work, const Plan& plan,
                                                Backend backend, const InnerSource& inners) const {
  return std::make_unique<WinogradKernel>(user, work, plan, backend, inners(work, plan));
}

}  // namespace convjit
