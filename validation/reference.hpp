#pragma once
// The ground truth: direct loops over every feature of ConvDesc (1D/2D/3D,
// groups, strides, paddings, dilations, layouts, bias, ReLU), accumulating in
// double for both f32 and f64. Slow on purpose: no cleverness to get wrong.
#include <cstdint>

#include "convjit/conv_desc.hpp"

namespace convjit {

// src, dst in desc.layout with `batch` images; wei (G)OI(D)(H)W; bias [oc] or
// null without the bias post-op. All of desc.dt.
void reference_conv(const ConvDesc& desc, const void* src, const void* wei,
                    const void* bias, void* dst, int64_t batch);

}  // namespace convjit
