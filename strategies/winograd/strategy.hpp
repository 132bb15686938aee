#pragma once
// The Winograd unit: 2D 3x3 stride-1 convolutions with fewer
// multiplications, F(m x m, 3 x 3) for m = 2 and 4 (transforms.hpp). Opt-in
// (Algorithm::winograd or fastest): its results differ from direct
// convolution's beyond the last bits. Its methods are defined by role:
// planner.cpp, generator.cpp (the products), interpreter.cpp, kernel.cpp
// (the driver: the transforms around the products).
#include "planner/strategy.hpp"

namespace convjit {

CONVJIT_STRATEGY_UNIT(Winograd)

}  // namespace convjit
