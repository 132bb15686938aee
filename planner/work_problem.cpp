#include "planner/work_problem.hpp"

namespace convjit {

ConvDesc work_problem(const ConvDesc& desc) {
  if (desc.layout == Layout::ncx && desc.spatial_in() == 1 && desc.spatial_out() == 1) {
    ConvDesc same = desc;
    same.layout = Layout::nxc;
    return work_problem(same);
  }
  for (int a = 0; a < 3; ++a)
    if (desc.k[a] != 1 || desc.s[a] != 1 || desc.p[a] != 0 || desc.pb[a] != 0) return desc;
  if (desc.ndims == 1) return desc;
  ConvDesc flat = desc;
  const int64_t pixels = desc.spatial_out();
  flat.ndims = 1;
  flat.i = {1, 1, pixels};
  flat.o = {1, 1, pixels};
  flat.d = {0, 0, 0};
  return flat;
}

}  // namespace convjit
