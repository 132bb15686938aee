#include "bench/suites.hpp"

#include <map>
#include <numeric>
#include <set>

#include "convjit/error.hpp"
#include "tools/report.hpp"

namespace convjit::bench {

namespace {

struct SuiteDef {
  const char* name;
  std::vector<const char*> files;  // under problems/; none for the ragged batch
  int64_t mb;                      // the batch of every problem; 0: as written
  std::vector<DataType> default_dts;
  bool by_default;  // run when no --suite is given
  // Only the 2D 3x3 stride-1 undilated layers (where Winograd applies), once each.
  bool winograd_layers = false;
};

bool winograd_layer(const ConvDesc& c) { return winograd_shape(c) && c.g == 1; }

const std::vector<SuiteDef>& suite_defs() {
  const std::vector<DataType> f32{DataType::f32};
  static const std::vector<SuiteDef> defs = {
      {"seeds", {"seeds.txt"}, 0, {DataType::f32, DataType::f64}, true},
      {"resnet50", {"onednn/shapes_resnet_50"}, 1, f32, true},
      {"mobilenet", {"onednn/shapes_mobilenet"}, 1, f32, true},
      {"mobilenet_dw", {"onednn/shapes_mobilenet_dw"}, 1, f32, true},
      {"ragged", {}, 0, f32, true},
      // The rest of benchdnn's shape files, on request: they would triple a
      // full run.
      {"1d", {"onednn/shapes_1d"}, 1, f32, false},
      {"1x1", {"onednn/shapes_1x1"}, 1, f32, false},
      {"basic", {"onednn/shapes_basic"}, 1, f32, false},
      {"dilated", {"onednn/shapes_dilated"}, 1, f32, false},
      {"large_padding", {"onednn/shapes_large_padding"}, 1, f32, false},
      {"small_spatial", {"onednn/shapes_regression_small_spatial"}, 1, f32, false},
      {"tails", {"onednn/shapes_tails"}, 1, f32, false},
      {"unet3d", {"onednn/shapes_3d_unet"}, 1, f32, false},
      {"vgg19", {"onednn/shapes_vgg_19"}, 1, f32, false},
      // The 3x3 stride-1 layers of ResNet-50 and VGG-19, for the Winograd
      // columns (--impl convjit_winograd,onednn_winograd,...).
      {"winograd", {"onednn/shapes_resnet_50", "onednn/shapes_vgg_19"}, 1, f32, false, true},
      {"winograd_mb32", {"onednn/shapes_resnet_50", "onednn/shapes_vgg_19"}, 32, f32, false, true},
  };
  return defs;
}

uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::string name_of(const ConvDesc& desc) {
  std::string name = display_name(desc);
  return name.empty() ? descriptor_without_name(desc) : name;
}

}  // namespace

const std::vector<std::string>& suite_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const SuiteDef& d : suite_defs()) n.push_back(d.name);
    return n;
  }();
  return names;
}

const std::vector<std::string>& default_suite_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const SuiteDef& d : suite_defs())
      if (d.by_default) n.push_back(d.name);
    return n;
  }();
  return names;
}

std::vector<int64_t> ragged_batches() {
  uint64_t state = 42;
  std::vector<int64_t> batches(1000);
  for (int64_t& b : batches) b = 20 + static_cast<int64_t>(splitmix64(state) % 21);
  return batches;
}

std::vector<Problem> make_suite(const std::string& suite, const std::vector<DataType>& dts,
                                const std::string& problems_dir) {
  const SuiteDef* def = nullptr;
  for (const SuiteDef& d : suite_defs())
    if (suite == d.name) def = &d;
  if (!def) throw Error("--suite", "unknown suite '" + suite + "'");
  const std::vector<DataType>& types = dts.empty() ? def->default_dts : dts;

  std::vector<Problem> problems;
  if (def->files.empty()) {
    // The ragged batch: 1000 tensors of 20..40 16x16 images, 5x5, 1 => 4,
    // as 1000 tensors (convjit: one run_ragged call; the peers: one call per
    // tensor) and as one batch of the same images.
    const std::vector<int64_t> batches = ragged_batches();
    const int64_t total = std::accumulate(batches.begin(), batches.end(), int64_t{0});
    for (DataType dt : types) {
      ConvDesc desc = ConvDesc::parse("mb1ic1ih16oc4kh5");
      desc.mb = total;
      desc.dt = dt;
      desc.validate();
      problems.push_back({suite, "ragged:tensors(1000)", desc, pieces_of(desc, batches)});
      problems.push_back({suite, std::string("ragged:batch(") + std::to_string(total) + ")", desc,
                          one_piece(desc)});
    }
    return problems;
  }
  std::vector<ShapeEntry> entries;
  for (const char* file : def->files) {
    const std::vector<ShapeEntry> more = read_shape_file(problems_dir + "/" + file);
    entries.insert(entries.end(), more.begin(), more.end());
  }
  // Data types outermost, so a table reads as one block per data type.
  for (DataType dt : types) {
    // Shape files reuse names (shapes_tails has two of each
    // "mid_channel_tail"); a benchmark case is found by its name.
    std::map<std::string, int> seen;
    std::set<std::string> layers;
    for (const ShapeEntry& e : entries) {
      ConvDesc desc = e.desc;
      if (def->mb) desc.mb = def->mb;
      desc.dt = dt;
      desc.validate();
      if (def->winograd_layers && (!winograd_layer(desc) || !layers.insert(descriptor_without_name(desc)).second))
        continue;
      std::string name = name_of(desc);
      if (const int n = ++seen[name]; n > 1) name.append("#").append(std::to_string(n));
      problems.push_back({suite, name, desc, one_piece(desc)});
    }
  }
  return problems;
}

}  // namespace convjit::bench
