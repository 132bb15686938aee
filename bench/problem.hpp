#pragma once
// What one row of the benchmark computes: a problem in one data type, cut
// into the pieces passed in one call each (one piece, except for a ragged
// batch run as a loop of calls, one per tensor).
#include <cstdint>
#include <string>
#include <vector>

#include "convjit/conv_desc.hpp"

namespace convjit::bench {

struct Piece {
  int64_t batch = 1;
  int64_t src_offset = 0;  // elements from the start of the whole src
  int64_t dst_offset = 0;  // elements from the start of the whole dst
};

struct Problem {
  std::string suite;          // "seeds", "resnet50", ...
  std::string name;           // shown in the tables
  ConvDesc desc;              // desc.mb is the whole batch
  std::vector<Piece> pieces;  // in the order they are computed

  int64_t src_elems() const { return desc.src_shape(desc.mb).elems(); }
  int64_t dst_elems() const { return desc.dst_shape(desc.mb).elems(); }
  double gflop() const { return desc.flops(desc.mb) / 1e9; }
  // Rows share data (src, weights, reference) when their keys are equal.
  std::string key() const;
};

// The whole batch in one call.
std::vector<Piece> one_piece(const ConvDesc& desc);
// One call per entry of `batches` (which sum to desc.mb), back to back.
std::vector<Piece> pieces_of(const ConvDesc& desc, const std::vector<int64_t>& batches);

// 2D, 3x3, stride 1, undilated: the shape Winograd's F(m x m, 3x3) is for,
// convjit's and oneDNN's alike (which groups apply is each one's own rule).
inline bool winograd_shape(const ConvDesc& c) {
  return c.ndims == 2 && c.k[1] == 3 && c.k[2] == 3 && c.s[1] == 1 && c.s[2] == 1 && c.d[1] == 0 && c.d[2] == 0;
}

}  // namespace convjit::bench
