#pragma once
// Test data and comparison, the benchdnn way: integer fills whose sums are
// exact in f32, random real fills with a tolerance derived from the
// accumulation length, and a refusal to trust outputs that are mostly zeros.
#include <cstdint>
#include <string>
#include <vector>

#include "convjit/conv_desc.hpp"
#include "kernels/buffer.hpp"

namespace convjit {

enum class Fill : uint8_t { integer, real };

// Deterministic for a given seed: integers in [lo, hi], a fraction `density`
// of them non-zero (the rest exactly 0).
void fill_integer(Buffer& buf, uint64_t seed, int lo, int hi, double density);
// Deterministic for a given seed: uniform reals in [lo, hi).
void fill_real(Buffer& buf, uint64_t seed, double lo, double hi);

// src, weights and bias (empty without the bias post-op) for one problem.
struct ProblemData {
  Buffer src, wei, bias;
};
// Integer fills keep every partial sum below 2^24 in magnitude, so f32
// results are exact whatever the order of accumulation.
ProblemData make_problem_data(const ConvDesc& desc, int64_t batch, Fill fill,
                              uint64_t seed);

// Absolute tolerance for the fills above: 0 for integer fills (exact);
// for real fills, the smaller of the worst-case bound below and a
// probabilistic one that grows with the square root of the accumulation
// length (ic/g * kd * kh * kw), so that at the longest sums one wrong tap
// still exceeds it (a worst case of ~0.43 at 1890 f32 terms let most pass).
double tolerance(const ConvDesc& desc, Fill fill);

// The largest magnitude in a buffer (0 for none).
double largest_magnitude(const Buffer& b);
// The largest magnitudes in some data (a bias of none: 0).
struct DataMagnitudes {
  double src = 0, wei = 0, bias = 0;
};
DataMagnitudes magnitudes_of(const ProblemData& data);
// Absolute tolerance for any data of these magnitudes, summed in any order
// or blocking: the worst case, which holds for data of any structure (the
// user's, which `convjit run --load` checks; it scales with the data).
double worst_case_tolerance(const ConvDesc& desc, const DataMagnitudes& m);

struct Comparison {
  int64_t count = 0;        // elements compared
  int64_t mismatches = 0;   // |got - want| > tol
  int64_t first_bad = -1;   // index of the first mismatch
  double max_abs_err = 0;
  // Outputs whose window has a tap inside the input (all of them for plain
  // buffers), and how many of those the expected output has equal to 0.
  int64_t seen = 0;
  int64_t want_zeros = 0;
  bool trusted = true;      // false: the outputs that see the input are mostly zeros
  bool ok() const { return mismatches == 0 && trusted; }
  std::string str() const;  // one line for logs and failures
};
// Compares got against want elementwise. `relu` relaxes the zero-trust
// threshold, as ReLU legitimately zeroes about half the outputs.
Comparison compare(const Buffer& got, const Buffer& want, double tol, bool relu);
// The same for two dst tensors of `desc`, blocked layouts by their real
// channels only (their padding channels are left as they were). Outputs
// that see only padding are compared too, but do not count towards trust:
// a problem whose every output lies in the padding is checked, not failed.
Comparison compare(const ConvDesc& desc, const Buffer& got, const Buffer& want, double tol, bool relu);
// Per output position (depth, height, width flattened), whether its window
// has a tap inside the input along every axis.
std::vector<char> outputs_seeing_input(const ConvDesc& desc);

}  // namespace convjit
