#include "tests/fuzz_check.hpp"

#include <algorithm>
#include <sstream>

#include "tests/guard_jit_buffers.hpp"
#include "tests/trusted_data.hpp"

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

  for (const std::string& cap : caps) {
    Engine& engine = pool.get(cap, c.threads);
    IsaOutcome isa;
    isa.isa = engine.cpu().isa;
    auto fail = [&](const std::string& what, const Comparison& cmp) {
      out.isas.push_back(isa);
      out.failure = std::string(to_string(isa.isa)) + " " + what + ": " + cmp.str() + "\n  plan " +
                    isa.plan.str() + "\n  " + replay_command(c, isa.isa);
      return out;
    };
    auto note_error = [&](const Comparison& cmp) {
      if (tol > 0) out.error_of_tolerance = std::max(out.error_of_tolerance, cmp.max_abs_err / tol);
    };
    const Buffer interp = run_backend(engine, Backend::interp, d, src, wei, bias.get(), side, isa);
    if (Comparison cmp = compare(d, interp, want, tol, d.post_ops.relu); !cmp.ok())
      return fail("interpreter vs reference", cmp);
    else
      note_error(cmp);
    if (isa.isa == Isa::scalar) {  // no JIT on this ISA: coverage says so
      out.isas.push_back(isa);
      continue;
    }
    isa.jit = true;
    const Buffer jit = run_backend(engine, Backend::jit, d, src, wei, bias.get(), other_side(side), isa);
    if (Comparison cmp = compare(d, jit, want, tol, d.post_ops.relu); !cmp.ok())
      return fail("jit vs reference", cmp);
    else
      note_error(cmp);
    if (Comparison cmp = compare(d, jit, interp, 0.0, true); cmp.mismatches)
      return fail("jit vs interpreter (must be bit-identical)", cmp);
    out.isas.push_back(isa);
  }
  return out;
}

}  // namespace convjit
