#pragma once
// The one error type of convjit: a message that names the field and the rule
// it broke, e.g. field "oc", message "oc=10 is not divisible by g=3".
#include <stdexcept>
#include <string>

#pragma GCC visibility push(default)
namespace convjit {

class Error : public std::runtime_error {
 public:
  Error(std::string field, const std::string& message)
      : std::runtime_error(message), field_(std::move(field)) {}
  // The input the error is about ("oc", "src", "--dt", "wei.npy", ...).
  const std::string& field() const noexcept { return field_; }

 private:
  std::string field_;
};

}  // namespace convjit
#pragma GCC visibility pop
