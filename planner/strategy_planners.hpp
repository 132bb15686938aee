#pragma once
// One planner per strategy: its legality rules and its register-block choice.
#include <optional>
#include <string>

#include "planner/plan.hpp"

namespace convjit {

std::optional<std::string> ow_vector_rejection(const ConvDesc& desc, const Plan& plan);
std::optional<std::string> oc_vector_rejection(const ConvDesc& desc, const Plan& plan);
// `base` carries the ISA, lanes, threads; the planner fills in the rest.
// l2_bytes: the cache that each output-channel block's sweep of the input
// should fit in (CpuFacts::l2_bytes).
Plan plan_ow_vector(const ConvDesc& desc, Plan base, int64_t l2_bytes = 1 << 20);
Plan plan_oc_vector(const ConvDesc& desc, const CpuFacts& cpu, Plan base);
// The cost models behind those choices, in estimated cycles for one image
// (staging and threads left out): the tuner ranks its candidates by them.
double ow_vector_cycles(const ConvDesc& desc, const Plan& plan, int64_t l2_bytes = 1 << 20);
double oc_vector_cycles(const ConvDesc& desc, const CpuFacts& cpu, const Plan& plan);
// Input bytes that one ow_vector block of ur_h output rows reads over all
// input channels of a group: the unit of the driver's row tiles, which the
// cost model's reread term prices.
int64_t ow_vector_row_block_bytes(const ConvDesc& desc, int ur_h);
// Cycles to bring one image into the layout the plan reads, and its output
// back: copies for padding, transposes between channels-first and -last.
double staging_cycles(const ConvDesc& desc, const Plan& plan);
// Many channels: vectors along output channels waste fewer lanes than
// vectors along the output width.
bool prefers_oc_vector(const ConvDesc& desc, int vlen);

}  // namespace convjit
