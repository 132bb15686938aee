#include "bench/problem.hpp"

namespace convjit::bench {

std::string Problem::key() const {
  return suite + "|" + name + "|" + desc.full_str() + "|" + std::to_string(pieces.size());
}

std::vector<Piece> one_piece(const ConvDesc& desc) { return {Piece{desc.mb, 0, 0}}; }

std::vector<Piece> pieces_of(const ConvDesc& desc, const std::vector<int64_t>& batches) {
  std::vector<Piece> pieces;
  int64_t done = 0;
  for (int64_t b : batches) {
    pieces.push_back(Piece{b, done * desc.ic * desc.spatial_in(), done * desc.oc * desc.spatial_out()});
    done += b;
  }
  return pieces;
}

}  // namespace convjit::bench
