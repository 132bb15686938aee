#pragma once
// Checks a whole output against the reference at a small fraction of the
// reference's cost (Freivalds' method). Convolution is linear in the
// weights, so a random combination of each group's output channels,
// sum_oc r[oc] * dst[oc], must equal the convolution of the input with the
// same combination of the weights: one output channel per group instead of
// oc/g. On integer data (make_problem_data) everything is exact in int64, so
// a correct output always passes, and a wrong value at any position fails
// unless the random weights cancel it, with odds of about 2^-20 per wrong
// position. The tuner uses it to verify the output its candidates are
// compared with.
#include <cstdint>
#include <vector>

#include "convjit/conv_desc.hpp"
#include "kernels/buffer.hpp"
#include "validation/test_data.hpp"

namespace convjit {

class ProjectionCheck {
 public:
  // The combination expected of `batch` images of data (integer-filled for
  // desc). Throws Error naming "desc" for a ReLU post-op, which is not
  // linear: check the output before it, or compare with a checked one.
  ProjectionCheck(const ConvDesc& desc, const ProblemData& data, int64_t batch);

  // Positions (image, group, output pixel) where dst's combination differs
  // from the expected one, counting a value that is not an integer as a
  // difference; 0: dst is right. Blocked layouts: a padding channel that no
  // longer holds all-ones bytes (a NaN, which the caller fills dst with
  // before the run) counts too, as a kernel must leave padding as it was.
  int64_t mismatches(const Buffer& dst) const;

  // The byte a caller fills dst with before the run.
  static constexpr unsigned char kUnwritten = 0xFF;

 private:
  ConvDesc desc_;
  int64_t batch_;
  std::vector<int64_t> r_;         // per output channel, distinct, in [1, 2^20]
  std::vector<int64_t> expected_;  // [batch][g][spatial_out]
};

}  // namespace convjit
