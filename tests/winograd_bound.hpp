#pragma once
// The error bound derived for Winograd's F(m x m, 3 x 3), output by output,
// over the data at hand; shared by its own test (test_winograd.cpp) and the
// differential fuzz (fuzz_check.cpp). First order, as for any sequence of
// roundings with |operations|: an output of tile position (i, j) is
//   |y - y_exact| <= (4a + ic/g + 3) eps sum_ic sum_pq |A^T|_ip |A^T|_jq
//                    (|G| |g| |G^T|)_pq (|B^T| |d| |B|)_pq  (+ 2 eps |bias|)
// with a = m + 2: each transform of V and of the output is two products of
// up to a terms, U is rounded once, the products are ic/g FMAs. Direct
// convolution's is (ic/g * 9 + 1) eps sum |g| |d|; the ratio of the two
// magnitudes is what Winograd costs in accuracy (about 4x for m = 2, two
// orders of magnitude for m = 4 at worst). ReLU only brings results
// closer, so the bound holds after it too.
#include <cstdint>
#include <string>
#include <vector>

#include "convjit/conv_desc.hpp"
#include "kernels/buffer.hpp"
#include "validation/test_data.hpp"

namespace convjit {

// For a 2D problem computed with tiles of m = 2 or 4: one bound per element
// of d's dst tensor (batch d.mb), indexed as that tensor in d.layout; the
// padding channels of a blocked layout, which no output lives in, get 0.
std::vector<double> winograd_bound(const ConvDesc& d, int m, const ProblemData& data);

// got against want, output by output, each within its bound (real channels
// only: a blocked layout's padding channels are not the kernel's to write).
struct BoundCheck {
  int64_t count = 0, beyond = 0, first = -1;  // first: the dst index of the first beyond
  double got = 0, want = 0, bound = 0;        // at `first`
  double largest_fraction = 0;                // max |got - want| / bound, over bounds > 0
  bool ok() const { return beyond == 0; }
  std::string str() const;
};
BoundCheck check_within_bound(const ConvDesc& d, const Buffer& got, const Buffer& want,
                              const std::vector<double>& bound);

}  // namespace convjit
