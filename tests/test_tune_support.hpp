#pragma once
// What the tuning and wisdom tests share: counting what convjit logs, a
// fixture without ambient wisdom, files, and running the CLI binary.
#include <gtest/gtest.h>
#include <spdlog/sinks/base_sink.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <string>

#include "problem/log.hpp"
#include "tests/scoped.hpp"
#include "tests/shell.hpp"

namespace convjit::testing {

namespace fs = std::filesystem;

// Counts convjit's warnings and errors while it lives; with `quiet`, the
// other sinks (stderr) are silenced meanwhile, so that a thousand expected
// warnings do not bury the test's own output.
class LogCounter {
 public:
  explicit LogCounter(bool quiet = false) : sink_(std::make_shared<Sink>()) {
    for (auto& s : log().sinks()) {
      levels_.push_back(s->level());
      if (quiet) s->set_level(spdlog::level::off);
    }
    log().sinks().push_back(sink_);
  }
  ~LogCounter() {
    auto& sinks = log().sinks();
    sinks.erase(std::find(sinks.begin(), sinks.end(), sink_));
    for (std::size_t i = 0; i < sinks.size() && i < levels_.size(); ++i) sinks[i]->set_level(levels_[i]);
  }
  int warnings() const { return sink_->warnings; }
  int errors() const { return sink_->errors; }
  std::string last() const {
    std::lock_guard lock(sink_->mutex_);
    return sink_->last;
  }

 private:
  struct Sink : spdlog::sinks::base_sink<std::mutex> {
    std::atomic<int> warnings{0}, errors{0};
    std::string last;
    using base_sink::mutex_;

   protected:
    void sink_it_(const spdlog::details::log_msg& msg) override {
      if (msg.level == spdlog::level::warn) ++warnings;
      if (msg.level >= spdlog::level::err) ++errors;
      last.assign(msg.payload.data(), msg.payload.size());
    }
    void flush_() override {}
  };
  std::shared_ptr<Sink> sink_;
  std::vector<spdlog::level::level_enum> levels_;
};

// Tuning tests own their wisdom: none comes from the environment (children
// spawned by the test inherit that), and each has a fresh directory.
class TuneTest : public ::testing::Test {
 protected:
  ScopedEnv no_wisdom_{"CONVJIT_WISDOM", std::nullopt};
  TempDir temp_;
  const fs::path dir_ = temp_.path();
};

inline std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace convjit::testing
