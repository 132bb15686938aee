// convjit with a tuned plan: what tuning gains over the heuristic plan of
// the "convjit" column, beside the peers, in one run. prepare() tunes the
// problem at patient effort (about 10 s; outside the timing) in an engine
// of its own, so the "convjit" column keeps the planner's plan, then makes
// and binds the kernel as that column does. On request only (--impl
// convjit_tuned): it adds about 10 s a row. A CONVJIT_WISDOM file answers
// for the problems it holds at patient effort, without measuring.
#include <cmath>
#include <cstdio>

#include "bench/impl_convjit_kernel.hpp"

namespace convjit::bench {
namespace {

constexpr Effort kEffort = Effort::patient;

class ConvjitTunedImpl : public ConvjitKernelImpl {
 public:
  void prepare(const Setup& s) override {
    EngineOptions options;
    options.threads = s.threads;
    engine_ = std::make_unique<Engine>(options);
    const ConvDesc& desc = s.problem.desc;
    TuneOptions tune;
    tune.effort = kEffort;
    auto start = std::chrono::steady_clock::now();
    const TuneResult r = engine_->tune(desc, tune);
    const double tune_s = seconds_since(start);
    // Creation as the convjit column times it, the plan coming from wisdom.
    make_and_bind(*engine_, desc, s.wei);
    char how[160];
    if (r.from_wisdom)
      std::snprintf(how, sizeof how, "from wisdom (%s)", std::string(to_string(r.effort)).c_str());
    else
      std::snprintf(how, sizeof how, "tuned (%s): %d of %d candidates in %.1f s, heuristic x%.2f",
                    std::string(to_string(r.effort)).c_str(), r.measured, r.candidates, tune_s,
                    r.time_s > 0 ? r.heuristic_s / r.time_s : 1.0);
    note = std::string(to_string(kernel_->backend())) + " " + kernel_->plan_str() + "; " + how;
    prepare_slots(s);
  }

 private:
  std::unique_ptr<Engine> engine_;  // its own: the tuned plan stays out of the convjit column
};

}  // namespace

ImplInfo convjit_tuned_impl() {
  auto skip = [](const Problem& p) {
    return p.pieces.size() > 1 ? std::string("tuned for whole batches only") : std::string();
  };
  ImplInfo info{"convjit tuned", "convjit_tuned", skip, [] { return std::make_unique<ConvjitTunedImpl>(); }};
  info.on_request = true;
  return info;
}

}  // namespace convjit::bench
