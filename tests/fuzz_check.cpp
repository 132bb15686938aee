#include "tests/fuzz_check.hpp"

#include <algorithm>
#include <sstream>

#include "planner/strategy.hpp"
#include "planner/work_problem.hpp"
#include "tests/guard_jit_buffers.hpp"
#include "tests/trusted_data.hpp"
#include "tests/winograd_bound.hpp"

namespace convjit {

Engine& EnginePool::get(const std::string& cap, int threads) {
  auto& engine = engines_[{cap, threads}];
  if (!engine) {
    EngineOptions options;
    options.threads = threads;
    options.max_isa = cap;
    engine = std::make_unique<Engine>(options);
  }
  return *engine;
}

std::vector<std::string> distinct_isa_caps() {
  std::vector<std::string> caps;
  std::vector<Isa> seen;
  for (const char* cap : {"", "avx2"}) {
    const Isa isa = CpuFacts::detect(cap).isa;
    if (std::find(seen.begin(), seen.end(), isa) != seen.end()) continue;
    seen.push_back(isa);
    caps.push_back(cap);
  }
  return caps;
}

std::string replay_command(const FuzzCase& c, Isa isa) {
  const ConvDesc& d = c.desc;
  std::ostringstream os;
  os << "CONVJIT_MAX_ISA=" << to_string(isa) << " convjit run --problem " << c.text << " --dt "
     << to_string(d.dt) << " --layout " << to_string(d.layout) << " --post-ops "
     << to_string(d.post_ops) << " --threads " << c.threads << " --fill "
     << (c.fill == Fill::integer ? "integer" : "real") << " --seed " << c.data_seed;
  if (d.algorithm != Algorithm::direct) os << " --algorithm " << to_string(d.algorithm);
  return os.str();
}

namespace {

// Runs one backend of `engine` on the guarded tensors; dst is fresh (NaN)
// and guarded too, and so is every buffer the kernel makes for itself.
Buffer run_backend(Engine& engine, Backend backend, const ConvDesc& d, const GuardedTensor& src,
                   const GuardedTensor& wei, const GuardedTensor* bias, GuardSide side,
                   IsaOutcome& isa) {
  const GuardJitBuffers guard(side);
  auto kernel = engine.make_kernel(d, backend);
  const auto& planned = dynamic_cast<const PlannedKernel&>(*kernel);
  isa.plan = planned.plan();
  kernel->bind(wei.cview(), bias ? bias->cview() : ConstTensorView{});
  GuardedTensor dst(d.dt, d.dst_shape(d.mb), side);
  kernel->run(src.cview(), dst.view());
  isa.run = planned.last_run();
  return dst.to_buffer();
}

}  // namespace

CaseOutcome check_case(EnginePool& pool, const FuzzCase& case_drawn, const std::vector<std::string>& caps,
                       GuardSide side, const std::function<void(const FuzzCase&)>& settled) {
  FuzzCase c = case_drawn;
  const ConvDesc& d = c.desc;
  CaseOutcome out;
  // The data: the case's, drawn again while the reference is mostly zeros.
  TrustedData t = draw_trusted_data(d, c.fill, c.data_seed);
  c.data_seed = out.data_seed = t.seed;
  out.redraws = t.redraws;
  out.trusted = t.trusted;
  if (!t.trusted) {
    out.failure = "the reference is mostly zeros after " + std::to_string(kMaxRedraws) +
                  " redraws of the data: the check would prove nothing\n  " + t.self.str();
    return out;
  }
  const ProblemData& data = t.data;
  const Buffer& want = t.want;
  if (settled) settled(c);
  const GuardedTensor src(data.src, side), wei(data.wei, side);
  std::unique_ptr<GuardedTensor> bias;
  if (d.post_ops.bias) bias = std::make_unique<GuardedTensor>(data.bias, side);
  const double tol = tolerance(d, c.fill);
  const bool winograd = computed_by(d.algorithm) == Algorithm::winograd;
  std::map<int, std::vector<double>> bounds;  // Winograd's, by tile size: ISAs may plan different ones

  for (const std::string& cap : caps) {
    Engine& engine = pool.get(cap, c.threads);
    IsaOutcome isa;
    isa.isa = engine.cpu().isa;
    auto fail = [&](const std::string& what, const std::string& how) {
      out.isas.push_back(isa);
      out.failure = std::string(to_string(isa.isa)) + " " + what + ": " + how + "\n  plan " +
                    isa.plan.str() + "\n  " + replay_command(c, isa.isa);
      return out;
    };
    // Winograd's tolerance() is its worst case over all data; the direct
    // strategies' is what the fuzz's error fractions are about.
    auto note_error = [&](const Comparison& cmp) {
      if (tol > 0 && !winograd) out.error_of_tolerance = std::max(out.error_of_tolerance, cmp.max_abs_err / tol);
    };
    auto beyond_bound = [&](const Buffer& got) {
      if (!winograd) return std::string();
      // Of the problem as computed, which may be another one equal in
      // memory (a 3D one whose filter is as deep as the image is 2D):
      // the bound is of the tiles the kernel transforms.
      std::vector<double>& bound = bounds[isa.plan.tile];
      if (bound.empty()) bound = winograd_bound(WorkProblem(d), isa.plan.tile, data);
      const BoundCheck check = check_within_bound(d, got, want, bound);
      out.error_of_bound = std::max(out.error_of_bound, check.largest_fraction);
      return check.ok() ? std::string() : check.str();
    };
    const Buffer interp = run_backend(engine, Backend::interp, d, src, wei, bias.get(), side, isa);
    if (Comparison cmp = compare(d, interp, want, tol, d.post_ops.relu); !cmp.ok())
      return fail("interpreter vs reference", cmp.str());
    else
      note_error(cmp);
    if (std::string beyond = beyond_bound(interp); !beyond.empty())
      return fail("interpreter vs reference", beyond);
    if (isa.isa == Isa::scalar) {  // no JIT on this ISA: coverage says so
      out.isas.push_back(isa);
      continue;
    }
    isa.jit = true;
    const Buffer jit = run_backend(engine, Backend::jit, d, src, wei, bias.get(), other_side(side), isa);
    if (Comparison cmp = compare(d, jit, want, tol, d.post_ops.relu); !cmp.ok())
      return fail("jit vs reference", cmp.str());
    else
      note_error(cmp);
    if (std::string beyond = beyond_bound(jit); !beyond.empty()) return fail("jit vs reference", beyond);
    if (Comparison cmp = compare(d, jit, interp, 0.0, true); cmp.mismatches)
      return fail("jit vs interpreter (must be bit-identical)", cmp.str());
    out.isas.push_back(isa);
  }
  return out;
}

}  // namespace convjit
