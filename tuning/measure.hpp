#pragma once
// The timing protocol of the CLI's bench and of the tuner: a warm-up call,
// then samples of at least about a millisecond (k calls each, k chosen from
// the warm-up) until the best and third-best samples agree or a cap is hit
// (or, asked, until the samples show the call is slower than a bound).
#include <cstdint>
#include <functional>
#include <vector>

namespace convjit {

struct MeasureLimits {
  double min_sample_s = 1e-3;  // shorter samples are dominated by timer noise
  double agreement = 0.03;     // stop when third-best <= best * (1 + agreement)
  int max_samples = 50;
  double max_total_s = 2.0;    // warm-up included
  // Stop once two samples are in and both are above this: the tuner's way
  // of not spending its budget on a candidate that cannot win. 0: never.
  double give_up_above_s = 0;
  // The caller's own call just before, as the warm-up, and how long it
  // took (the tuner's check runs the kernel on the timed data). 0: none.
  double warmed_up_s = 0;
};

struct Timing {
  double min_s = 0;     // per call
  double median_s = 0;  // per call
  int samples = 0;
  int64_t calls_per_sample = 1;
};

// Times `call`. When the warm-up alone reaches max_total_s it is the only
// sample: a second run would double the cost for little information.
Timing measure(const std::function<void()>& call, const MeasureLimits& limits = {});

// Spins for `seconds` (nothing when not positive): the tests' slow-down
// hooks make a candidate slower by a known amount this way.
void busy_wait(double seconds);

// Calls each timer in turn, `rounds` times over, and returns each one's
// least: a quiet or a busy moment of the machine then falls on all of them
// alike, where timing one after the other once kept the slower of two.
std::vector<double> least_in_turns(const std::vector<std::function<double()>>& timers, int rounds = 2);

}  // namespace convjit
