#pragma once
// The ow_vector unit: few channels, vectors along the output width, weights
// broadcast, a register block of output rows x vectors x output channels.
// Its methods are defined by role: planner.cpp (with its legality and cost
// model), generator.cpp, interpreter.cpp, kernel.cpp (the driver).
#include "planner/strategy.hpp"

namespace convjit {

CONVJIT_STRATEGY_UNIT(OwVector)

}  // namespace convjit
