// The strategies, in order of preference where costs tie. A new strategy
// is a folder beside these and one line here.
#include "convjit/error.hpp"
#include "planner/strategy.hpp"
#include "strategies/oc_vector/strategy.hpp"
#include "strategies/ow_vector/strategy.hpp"
#include "strategies/winograd/strategy.hpp"

namespace convjit {

std::span<const Strategy* const> strategies() {
  static const Strategy* const list[] = {
      &OwVector::instance(),
      &OcVector::instance(),
      &Winograd::instance(),
  };
  return list;
}

const Strategy& strategy_named(std::string_view name) {
  for (const Strategy* s : strategies())
    if (s->name() == name) return *s;
  throw Error("plan", "plan: unknown strategy '" + std::string(name) + "'");
}

}  // namespace convjit
