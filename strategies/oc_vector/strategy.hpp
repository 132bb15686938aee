#pragma once
// The oc_vector unit: many channels, vectors along output channels, inputs
// broadcast, a register block of output pixels x output-channel vectors,
// input channels in cache-sized passes (oneDNN's direct convolution). Its
// methods are defined by role: planner.cpp (with its legality and cost
// model), generator.cpp, interpreter.cpp, kernel.cpp (the driver).
#include "planner/strategy.hpp"

namespace convjit {

CONVJIT_STRATEGY_UNIT(OcVector)

}  // namespace convjit
