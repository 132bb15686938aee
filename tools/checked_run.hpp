#pragma once
// The steps every subcommand shares: get a kernel, run it on a problem's
// data, and check the output against the reference convolution.
#include <memory>

#include "convjit/engine.hpp"
#include "kernels/test_data.hpp"

namespace convjit {

// engine.make_kernel(desc, backend), except that Backend::automatic falls
// back to the reference backend (with a warning) while automatic is not
// available on this build.
std::unique_ptr<Kernel> make_cli_kernel(Engine& engine, const ConvDesc& desc, Backend backend);

// Binds data's weights and bias to kernel, runs it on data.src once and
// returns the output (desc.dst_shape of the source's batch).
Buffer run_once(Kernel& kernel, const ProblemData& data);

// Compares dst with reference_conv on the same data.
Comparison check_against_reference(const ConvDesc& desc, const ProblemData& data,
                                   const Buffer& dst, double tol);

}  // namespace convjit
