#pragma once
// The steps every subcommand shares: run a kernel on a problem's data, and
// check the output against the reference convolution.
#include <memory>

#include "convjit/engine.hpp"
#include "validation/test_data.hpp"

namespace convjit {

// Binds data's weights and bias to kernel, runs it on data.src once and
// returns the output (desc.dst_shape of the source's batch).
Buffer run_once(Kernel& kernel, const ProblemData& data);

// Compares dst with reference_conv on the same data.
Comparison check_against_reference(const ConvDesc& desc, const ProblemData& data,
                                   const Buffer& dst, double tol);

}  // namespace convjit
