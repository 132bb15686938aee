#include "tuning/measure.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <vector>

namespace convjit {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

bool settled(std::vector<double> samples, double agreement) {
  if (samples.size() < 3) return false;
  std::partial_sort(samples.begin(), samples.begin() + 3, samples.end());
  return samples[2] <= samples[0] * (1 + agreement);
}

double median(std::vector<double> samples) {
  const std::size_t mid = samples.size() / 2;
  std::nth_element(samples.begin(), samples.begin() + mid, samples.end());
  if (samples.size() % 2) return samples[mid];
  return (samples[mid] + *std::max_element(samples.begin(), samples.begin() + mid)) / 2;
}

// Calls that take `min_s` when `calls` took `elapsed`; bounded so that a call
// the timer sees as 0 does not ask for billions.
constexpr int64_t kMaxCalls = 1'000'000;
int64_t calls_for(double min_s, double elapsed, int64_t calls) {
  const double per_call = std::max(elapsed, 1e-9) / static_cast<double>(calls);
  return static_cast<int64_t>(std::clamp(std::ceil(min_s / per_call), 1.0, double(kMaxCalls)));
}

}  // namespace

Timing measure(const std::function<void()>& call, const MeasureLimits& limits) {
  const Clock::time_point start = Clock::now();
  if (!(limits.warmed_up_s > 0)) call();
  const double warm_up = limits.warmed_up_s > 0 ? limits.warmed_up_s : seconds_since(start);
  Timing t;
  std::vector<double> samples;
  t.calls_per_sample = calls_for(limits.min_sample_s, warm_up, 1);
  while (seconds_since(start) < limits.max_total_s &&
         static_cast<int>(samples.size()) < limits.max_samples) {
    const Clock::time_point sample_start = Clock::now();
    for (int64_t i = 0; i < t.calls_per_sample; ++i) call();
    const double elapsed = seconds_since(sample_start);
    // A warm-up slowed by first-touch page faults underestimates the calls
    // a sample needs; a sample far below min_sample_s is timer noise.
    if (elapsed < limits.min_sample_s / 2 && t.calls_per_sample < kMaxCalls) {
      t.calls_per_sample = calls_for(limits.min_sample_s, elapsed, t.calls_per_sample);
      continue;
    }
    samples.push_back(elapsed / static_cast<double>(t.calls_per_sample));
    if (settled(samples, limits.agreement)) break;
    if (limits.give_up_above_s > 0 && samples.size() >= 2 &&
        *std::min_element(samples.begin(), samples.end()) > limits.give_up_above_s)
      break;
  }
  if (samples.empty()) {  // the time cap struck first: the warm-up is all there is
    samples.push_back(warm_up);
    t.calls_per_sample = 1;
  }
  t.min_s = *std::min_element(samples.begin(), samples.end());
  t.median_s = median(samples);
  t.samples = static_cast<int>(samples.size());
  return t;
}

void busy_wait(double seconds) {
  if (!(seconds > 0)) return;
  const auto until = Clock::now() + std::chrono::duration<double>(seconds);
  while (Clock::now() < until) {
  }
}

std::vector<double> least_in_turns(const std::vector<std::function<double()>>& timers, int rounds) {
  std::vector<double> least(timers.size(), std::numeric_limits<double>::infinity());
  for (int round = 0; round < rounds; ++round)
    for (std::size_t i = 0; i < timers.size(); ++i) least[i] = std::min(least[i], timers[i]());
  return least;
}

}  // namespace convjit
