#pragma once
// NumPy .npy files (format 1.0) to and from Buffers, so inputs and outputs
// can be inspected and reproduced outside convjit.
#include <ostream>
#include <string>

#include "kernels/buffer.hpp"

namespace convjit {

// Writes buf as .npy 1.0: little-endian '<f4' or '<f8', C order, its shape.
void write_npy(std::ostream& out, const Buffer& buf);

// Reads a .npy file that must hold exactly `dt` and `shape` (C order). Any
// problem throws Error whose field is `path` and whose message names the
// file and the rule it breaks.
Buffer read_npy(const std::string& path, DataType dt, const Shape& shape);

}  // namespace convjit
