#pragma once
// The layouts the differential tests draw problems in.
#include "convjit/conv_desc.hpp"
#include "convjit/error.hpp"

namespace convjit {

// `want` where the problem allows it (a blocked layout needs each group in
// whole channel blocks), else channels-last.
inline Layout usable_layout(ConvDesc d, Layout want) {
  d.layout = want;
  try {
    d.validate();
    return want;
  } catch (const Error&) {
    return Layout::nxc;
  }
}

}  // namespace convjit
