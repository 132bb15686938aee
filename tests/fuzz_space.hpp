#pragma once
// Random convolution problems drawn from the whole space convjit accepts:
// 1D/2D/3D, sizes, kernels, strides, paddings (negative back padding
// included), dilations, groups (depthwise too), few and many channels (both
// strategies), batch, data types, layouts, post-ops, fills and thread counts;
// and, where asked, Winograd for part of the problems it applies to.
#include <cstdint>
#include <string>

#include "convjit/conv_desc.hpp"
#include "validation/test_data.hpp"

namespace convjit {

struct FuzzCase {
  std::string text;  // the descriptor as drawn (explicit ox and px, g1, ...)
  ConvDesc desc;     // parsed from text, then dt, layout and post-ops set
  int threads = 1;   // the engines': 1, 2 or 3
  Fill fill = Fill::integer;
  uint64_t data_seed = 0;  // make_problem_data's, as `convjit run --seed`
};

// Direct convolution alone draws what it always drew: the tests that want
// exact integer results, or count the direct strategies, keep their
// problems. With Winograd, more 2D 3x3 stride-1 problems are drawn, and
// most of those it applies to ask for it (ConvDesc::algorithm).
enum class FuzzAlgorithms : uint8_t { direct, with_winograd };

// Problem `index` of the campaign `seed`. Each index has its own generator,
// so any one problem replays alone, without drawing those before it.
FuzzCase fuzz_case(uint64_t seed, uint64_t index, FuzzAlgorithms algorithms = FuzzAlgorithms::direct);

}  // namespace convjit
