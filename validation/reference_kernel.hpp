#pragma once
// The reference convolution behind the Kernel interface, so tests and the CLI
// can treat the ground truth like any other backend.
#include <memory>

#include "convjit/conv_desc.hpp"
#include "convjit/kernel.hpp"

namespace convjit {

// backend() is Backend::reference, plan_str() "reference". desc is taken as
// given (the caller validates it).
std::unique_ptr<Kernel> make_reference_kernel(const ConvDesc& desc);

}  // namespace convjit
