#include "tools/measure.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
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

}  // namespace

Timing measure(const std::function<void()>& call, const MeasureLimits& limits) {
  const Clock::time_point start = Clock::now();
  call();
  const double warm_up = seconds_since(start);
  Timing t;
  if (warm_up >= limits.max_total_s) {
    t.min_s = t.median_s = warm_up;
    t.samples = 1;
    return t;
  }
  // Enough calls per sample to reach min_sample_s; bounded so a call the
  // timer sees as 0 does not ask for billions.
  t.calls_per_sample = static_cast<int64_t>(
      std::clamp(std::ceil(limits.min_sample_s / std::max(warm_up, 1e-9)), 1.0, 1e6));
  std::vector<double> samples;
  do {
    const Clock::time_point sample_start = Clock::now();
    for (int64_t i = 0; i < t.calls_per_sample; ++i) call();
    samples.push_back(seconds_since(sample_start) / static_cast<double>(t.calls_per_sample));
  } while (!settled(samples, limits.agreement) &&
           static_cast<int>(samples.size()) < limits.max_samples &&
           seconds_since(start) < limits.max_total_s);
  t.min_s = *std::min_element(samples.begin(), samples.end());
  t.median_s = median(samples);
  t.samples = static_cast<int>(samples.size());
  return t;
}

}  // namespace convjit
