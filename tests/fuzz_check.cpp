#include "tests/fuzz_check.hpp"

#include <algorithm>
#include <sstream>

#include "kernels/parallel.hpp"
#include "kernels/planned_kernel.hpp"
#include "kernels/reference.hpp"

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
// and guarded too.
Buffer run_backend(Engine& engine, Backend backend, const ConvDesc& d, const GuardedTensor& src,
                   const GuardedTensor& wei, const GuardedTensor* bias, GuardSide side,
                   Plan& plan) {
  auto kernel = engine.make_kernel(d, backend);
  plan = dynamic_cast<const PlannedKernel&>(*kernel).plan();
  kernel->bind(wei.cview(), bias ? bias->cview() : ConstTensorView{});
  GuardedTensor dst(d.dt, d.dst_shape(d.mb), side);
  kernel->run(src.cview(), dst.view());
  return dst.to_buffer();
}

}  // namespace

CaseOutcome check_case(EnginePool& pool, const FuzzCase& c, const std::vector<std::string>& caps,
                       GuardSide side) {
  const ConvDesc& d = c.desc;
  ProblemData data = make_problem_data(d, d.mb, c.fill, c.data_seed);
  const GuardedTensor src(data.src, side), wei(data.wei, side);
  std::unique_ptr<GuardedTensor> bias;
  if (d.post_ops.bias) bias = std::make_unique<GuardedTensor>(data.bias, side);
  GuardedTensor reference(d.dt, d.dst_shape(d.mb), side);
  reference_conv(d, src.data(), wei.data(), bias ? bias->data() : nullptr, reference.data(), d.mb);
  const Buffer want = reference.to_buffer();
  const double tol = tolerance(d, c.fill);

  CaseOutcome out;
  for (const std::string& cap : caps) {
    Engine& engine = pool.get(cap, c.threads);
    IsaOutcome isa{engine.cpu().isa, {}, 1};
    auto fail = [&](const std::string& what, const Comparison& cmp) {
      out.failure = std::string(to_string(isa.isa)) + " " + what + ": " + cmp.str() + "\n  plan " +
                    isa.plan.str() + "\n  " + replay_command(c, isa.isa);
      return out;
    };
    const Buffer interp = run_backend(engine, Backend::interp, d, src, wei, bias.get(), side, isa.plan);
    isa.run_threads = threads_for(d.flops(1) * double(d.mb), isa.plan.threads);
    out.isas.push_back(isa);
    const Comparison vs_ref = compare(d, interp, want, tol, d.post_ops.relu);
    out.trusted = out.trusted && vs_ref.trusted;
    if (vs_ref.mismatches) return fail("interpreter vs reference", vs_ref);
    if (isa.isa == Isa::scalar) continue;  // no JIT on this ISA
    const Buffer jit = run_backend(engine, Backend::jit, d, src, wei, bias.get(), side, isa.plan);
    if (Comparison cmp = compare(d, jit, want, tol, d.post_ops.relu); cmp.mismatches)
      return fail("jit vs reference", cmp);
    if (Comparison cmp = compare(d, jit, interp, 0.0, true); cmp.mismatches)
      return fail("jit vs interpreter (must be bit-identical)", cmp);
  }
  return out;
}

}  // namespace convjit
