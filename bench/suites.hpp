#pragma once
// The suites: named lists of problems, read from problems/ or built here.
#include <string>
#include <vector>

#include "bench/problem.hpp"
#include "convjit/types.hpp"

namespace convjit::bench {

// Every suite: the default ones ("seeds", "resnet50", "mobilenet",
// "mobilenet_dw", "ragged", in this order), then the rest of benchdnn's
// shape files ("1d", "1x1", "basic", "dilated", "large_padding",
// "small_spatial", "tails", "unet3d", "vgg19").
const std::vector<std::string>& suite_names();
// The suites run when none is named.
const std::vector<std::string>& default_suite_names();

// The problems of `suite`, in each of `dts`; empty `dts`: the suite's
// default (f32 and f64 for the seeds, f32 for the rest). Throws Error on an
// unknown suite or an unreadable shape file.
std::vector<Problem> make_suite(const std::string& suite, const std::vector<DataType>& dts,
                                const std::string& problems_dir);

// The ragged batch of the seeds: 1000 tensor sizes in [20, 40] from
// splitmix64 seeded 42 (20 + x % 21), so every run and machine gets the same.
std::vector<int64_t> ragged_batches();

}  // namespace convjit::bench
