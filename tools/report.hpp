#pragma once
// How the CLI shows problems, times and results: one place, so the suite,
// run and bench print the same things the same way.
#include <ostream>
#include <string>
#include <vector>

#include "convjit/conv_desc.hpp"
#include "validation/test_data.hpp"

namespace convjit {

std::string display_name(const ConvDesc& desc);  // the name without quotes
std::string descriptor_without_name(const ConvDesc& desc);
std::string format_seconds(double s);  // "35.2 ns", "12.3 us", "4.56 ms", "1.23 s"
std::string format_fixed(double v, int decimals);
std::string check_status(const Comparison& c);  // "checked" or "FAILED: ..."

// A Markdown table with padded columns, printed once all rows are known.
class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace convjit
