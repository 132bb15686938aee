#pragma once
// The input of a WorkProblem that gathers it (work_problem.hpp): the pixels
// a strided 1x1 filter reads, packed as the input of the stride-1 problem
// over them, in the user's layout.
#include <cstdint>

#include "convjit/conv_desc.hpp"

namespace convjit {

// Elements of one gathered image of `user` (its output grid, its input
// channels).
int64_t gathered_image_elems(const ConvDesc& user);

// Writes images [0, images) of src, laid out as `user`'s input, to `to`,
// gathered_image_elems(user) apart, with up to `threads` threads (no OpenMP
// region for one).
void gather_input(const ConvDesc& user, const void* src, int64_t images, void* to, int threads);

}  // namespace convjit
