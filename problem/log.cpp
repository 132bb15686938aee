#include "problem/log.hpp"

#include <spdlog/sinks/stdout_sinks.h>

#include <cstdlib>
#include <memory>

namespace convjit {

int verbosity() {
  static const int level = [] {
    const char* env = std::getenv("CONVJIT_VERBOSE");
    if (!env || !*env) return 0;
    int v = std::atoi(env);
    return v < 0 ? 0 : v > 2 ? 2 : v;
  }();
  return level;
}

spdlog::logger& log() {
  static const std::shared_ptr<spdlog::logger> logger = [] {
    auto l = std::make_shared<spdlog::logger>(
        "convjit", std::make_shared<spdlog::sinks::stderr_sink_mt>());
    l->set_pattern("[convjit %L] %v");
    l->set_level(verbosity() >= 2   ? spdlog::level::debug
                 : verbosity() == 1 ? spdlog::level::info
                                    : spdlog::level::warn);
    return l;
  }();
  return *logger;
}

}  // namespace convjit
