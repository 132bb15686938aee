#include "tools/report.hpp"

#include <algorithm>
#include <cstdio>

namespace convjit {

std::string display_name(const ConvDesc& desc) {
  std::string name = desc.name;
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
    name = name.substr(1, name.size() - 2);
  return name;
}

std::string descriptor_without_name(const ConvDesc& desc) {
  ConvDesc unnamed = desc;
  unnamed.name.clear();
  return unnamed.str();
}

std::string format_fixed(double v, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, v);
  return text;
}

std::string format_seconds(double s) {
  if (s < 1e-6) return format_fixed(s * 1e9, 1) + " ns";
  if (s < 1e-3) return format_fixed(s * 1e6, 1) + " us";
  if (s < 1) return format_fixed(s * 1e3, 2) + " ms";
  return format_fixed(s, 2) + " s";
}

std::string check_status(const Comparison& c) {
  return c.ok() ? "checked" : "FAILED: " + c.str();
}

void Table::print(std::ostream& out) const {
  std::vector<std::size_t> width(header_.size());
  for (std::size_t i = 0; i < header_.size(); ++i) width[i] = header_[i].size();
  for (const auto& row : rows_)
    for (std::size_t i = 0; i < row.size() && i < width.size(); ++i)
      width[i] = std::max(width[i], row[i].size());
  auto line = [&](const std::vector<std::string>& cells) {
    out << "|";
    for (std::size_t i = 0; i < width.size(); ++i) {
      const std::string cell = i < cells.size() ? cells[i] : "";
      out << " " << cell << std::string(width[i] - cell.size(), ' ') << " |";
    }
    out << "\n";
  };
  line(header_);
  out << "|";
  for (std::size_t w : width) out << std::string(w + 2, '-') << "|";
  out << "\n";
  for (const auto& row : rows_) line(row);
}

}  // namespace convjit
