// The generators refuse, at generation, a plan that needs more vector
// registers than its ISA gives: a drifted planner is a loud Error, never an
// EVEX-only register (ymm16+) in AVX2 code. Generated, not run: any x86 CPU.
#include <gtest/gtest.h>

#include <vector>

#include "convjit/error.hpp"
#include "strategies/oc_vector/generator.hpp"
#include "strategies/ow_vector/generator.hpp"
#include "strategies/oc_vector/strategy.hpp"
#include "strategies/ow_vector/strategy.hpp"
#include "planner/work_problem.hpp"

namespace convjit {
namespace {

Plan plan_of(const Strategy* strategy, Isa isa, int ur_w, int ur_h, int oc_blk, int ic_blk) {
  Plan p;
  p.strategy = strategy;
  p.isa = isa;
  p.vlen = isa == Isa::avx512 ? 16 : 8;
  p.ur_w = ur_w;
  p.ur_h = ur_h;
  p.oc_blk = oc_blk;
  p.ic_blk = ic_blk;
  return p;
}

// On the problem as the strategies compute it, as their emit() does.
template <class Generator>
void generate(const ConvDesc& desc, const Plan& plan) {
  std::vector<uint8_t> buffer(1 << 20);
  Generator gen(WorkProblem(desc), plan, buffer);
}

TEST(RegisterBudget, OwVectorGeneratorRefusesMoreThanTheIsaHas) {
  const ConvDesc desc = ConvDesc::parse("mb1ic1ih64iw256oc1kh3kw3");
  // 2 x 1 accumulators and a few more: within both budgets.
  EXPECT_NO_THROW(generate<OwVectorGenerator<Xbyak::Ymm>>(desc, plan_of(&OwVector::instance(), Isa::avx2, 1, 2, 1, 1)));
  // 4 rows x 4 vectors: 16 accumulators, beyond AVX2's 15 (ymm15 is its tail mask).
  const Plan wide = plan_of(&OwVector::instance(), Isa::avx2, 4, 4, 1, 1);
  EXPECT_THROW(generate<OwVectorGenerator<Xbyak::Ymm>>(desc, wide), Error);
  // The same blocking fits AVX-512's 32; 6 x 6 does not.
  Plan zmm = wide;
  zmm.isa = Isa::avx512;
  zmm.vlen = 16;
  EXPECT_NO_THROW(generate<OwVectorGenerator<Xbyak::Zmm>>(desc, zmm));
  zmm.ur_w = zmm.ur_h = 6;
  EXPECT_THROW(generate<OwVectorGenerator<Xbyak::Zmm>>(desc, zmm), Error);
}

TEST(RegisterBudget, OcVectorGeneratorRefusesMoreThanTheIsaHas) {
  ConvDesc desc = ConvDesc::parse("mb1ic16ih8oc16kh1");
  desc.layout = Layout::nxc;
  // 6 pixels x 2 vectors of 8 channels: 12 accumulators, 2 weights, 1 input.
  EXPECT_NO_THROW(generate<OcVectorGenerator<Xbyak::Ymm>>(desc, plan_of(&OcVector::instance(), Isa::avx2, 6, 1, 16, 16)));
  // 8 pixels x 2 vectors: 16 accumulators.
  EXPECT_THROW(generate<OcVectorGenerator<Xbyak::Ymm>>(desc, plan_of(&OcVector::instance(), Isa::avx2, 8, 1, 16, 16)),
               Error);
  try {
    generate<OcVectorGenerator<Xbyak::Ymm>>(desc, plan_of(&OcVector::instance(), Isa::avx2, 8, 1, 16, 16));
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), "plan");
    EXPECT_NE(std::string(e.what()).find("beyond the 15 a plan may use on AVX2"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace convjit
