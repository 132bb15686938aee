#pragma once
// The Winograd products: for one position of the tiles, a block of ur_w
// tiles x oc_blk output channels accumulated over the input channels
// (broadcast from V, weights from U), sum_block channels at a time, each
// partial sum added to M (the first stored). A GEMM-shaped kernel:
// args.src is V at the first tile of the blocks, args.wei U at the block's
// channels, args.dst M at the same; args.row_blocks blocks of ur_w tiles,
// then args.row_tail single tiles.
// Everything it reads and writes is the driver's, its output channels
// padded to whole blocks: no masks, one entry. One template for AVX-512
// (Zmm) and AVX2 (Ymm).
#include <span>

#include "jit/vector_generator.hpp"
#include "strategies/winograd/geometry.hpp"

namespace convjit {

template <class Vmm>
class WinogradGenerator : public VectorGenerator {
 public:
  WinogradGenerator(const ConvDesc& desc, const Plan& plan, std::span<uint8_t> buffer, bool annotate = false);

 private:
  void generate_entry();
  void block(int tiles);  // the products of `tiles` tiles at src_row into dst_row
  // A partial sum over `channels` input channels of `tiles` tiles, stored to
  // M (first) or added to what M holds; `paired` (one tile): two of them
  // side by side, the second over the next `channels` channels.
  void partial_sums(int tiles, int64_t channels, bool paired, bool first);
  WinogradRegisters regs() const { return {plan_.ur_w, plan_.oc_blk / vlen_}; }
  Vmm acc(int t, int v) const { return Vmm(reg(regs().acc(t, v))); }
  Vmm wei_vec(int v) const { return Vmm(reg(regs().weight(v))); }
  Vmm in_vec() const { return Vmm(reg(regs().input())); }

  const WinogradGeometry geo_;
  // Registers by role, besides the base's loop registers (a row: a block
  // of tiles; a tap: an input channel).
  const Xbyak::Reg64 reg_wei = rbx;
  const Xbyak::Reg64 reg_ic_left = rbp;
  const Xbyak::Reg64 reg_sums_left = r12;  // partial sums after the current one
};

}  // namespace convjit
