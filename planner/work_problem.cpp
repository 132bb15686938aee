#include "planner/work_problem.hpp"

namespace convjit {

ConvDesc work_problem(const ConvDesc& desc) {
  if (desc.layout == Layout::ncx && desc.spatial_in() == 1 && desc.spatial_out() == 1) {
    ConvDesc same = desc;
    same.layout = Layout::nxc;
    return work_problem(same);
  }
  // One channel in and out: channels last is channels first, whose kernels
  // read and write the tensors as they are (no staging, no transposes).
  if (desc.layout == Layout::nxc && desc.ic == 1 && desc.oc == 1 && desc.spatial_out() > 1) {
    ConvDesc same = desc;
    same.layout = Layout::ncx;
    return work_problem(same);
  }
  // One axis with any extent (an 80x1 image, a depth of 5 over 1x1
  // pixels): a 1D problem along the width, where the strategies lay their
  // vectors and tails.
  if (desc.ndims > 1) {
    int extents = 0, axis = ConvDesc::W;
    for (int a = desc.first_axis(); a < 3; ++a)
      if (desc.i[a] != 1 || desc.o[a] != 1 || desc.k[a] != 1 || desc.p[a] != 0 || desc.pb[a] != 0)
        ++extents, axis = a;
    if (extents == 1) {
      ConvDesc line = desc;
      line.ndims = 1;
      for (auto field : {&ConvDesc::i, &ConvDesc::o, &ConvDesc::k, &ConvDesc::s, &ConvDesc::p,
                         &ConvDesc::pb, &ConvDesc::d}) {
        const int64_t along = (desc.*field)[axis];
        (line.*field) = (ConvDesc().*field);
        (line.*field)[ConvDesc::W] = along;
      }
      return work_problem(line);
    }
  }
  for (int a = 0; a < 3; ++a)
    if (desc.k[a] != 1 || desc.s[a] != 1 || desc.p[a] != 0 || desc.pb[a] != 0) return desc;
  if (desc.ndims == 1) return desc;
  ConvDesc flat = desc;
  const int64_t pixels = desc.spatial_out();
  flat.d = {0, 0, 0};
  // Channels first, the pixels become rows of a whole number of vectors
  // when some width divides them, so that the driver can tile the image
  // by rows and sweep every output-channel block over a tile in the L2.
  if (desc.layout == Layout::ncx)
    for (int64_t width : {64, 48, 32, 16})
      if (pixels % width == 0 && pixels > width) {
        flat.ndims = 2;
        flat.i = flat.o = {1, pixels / width, width};
        return flat;
      }
  flat.ndims = 1;
  flat.i = {1, 1, pixels};
  flat.o = {1, 1, pixels};
  return flat;
}

}  // namespace convjit
