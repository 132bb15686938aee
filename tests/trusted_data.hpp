#pragma once
// Test data whose check can prove something. A comparison with a reference
// that is mostly zeros is not trusted (compare() in validation/test_data.hpp
// decides it, and the CLI fails such a check): a kernel that wrote nothing,
// or dropped every tap, would pass it. The tests apply the same rule: data
// is drawn again while its reference is mostly zeros, and a problem whose
// reference stays so fails.
#include <cstdint>

#include "convjit/conv_desc.hpp"
#include "validation/test_data.hpp"

namespace convjit {

// Redraws before the problem fails. The most fragile problems have one
// weight and a bias under ReLU (mb1ic1iw186oc1ow93kw1sw2, bias,relu: 55 of
// 200 draws mostly zeros); 3 redraws failed one of them in a campaign of
// 100,000, 15 leave about 1e-9.
constexpr int kMaxRedraws = 15;

struct TrustedData {
  ProblemData data;  // batch desc.mb
  Buffer want;       // reference_conv of data
  uint64_t seed = 0;  // make_problem_data's seed for data: `seed`, or a redraw's
  int redraws = 0;
  bool trusted = false;  // false: still mostly zeros after kMaxRedraws
  Comparison self;       // want against itself: its zeros and trust
};

// Data for desc from `seed`, drawn again from derived seeds (below 2^48,
// like the fuzz's) while its reference is untrusted.
TrustedData draw_trusted_data(const ConvDesc& desc, Fill fill, uint64_t seed);

}  // namespace convjit
