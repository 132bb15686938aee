#include "kernels/code_hooks.hpp"

#include <cstdlib>
#include <exception>
#include <string_view>

#include "kernels/code_dump.hpp"
#include "kernels/perf_map.hpp"
#include "problem/log.hpp"

namespace convjit {
namespace {

// The variables are read at every call, not cached: a program (or a test)
// may set them between kernels, and getenv is nothing next to a compile.
const char* env(const char* name) {
  const char* value = std::getenv(name);
  return value && *value ? value : nullptr;
}

// A hook only observes: whatever it fails at, the kernel is still good.
template <class Action>
void without_throwing(const char* variable, const ConvDesc& desc, Action action) {
  try {
    action();
  } catch (const std::exception& e) {
    log().warn("{}: {} (kernel {})", variable, e.what(), desc.full_str());
  } catch (...) {
    log().warn("{}: unknown failure (kernel {})", variable, desc.full_str());
  }
}

// Single quotes unless every character is one a shell leaves alone; a name
// (`n"seed:image3x3"`) usually needs them.
std::string shell_quoted(const std::string& word) {
  if (word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.,:") ==
      std::string::npos)
    return word;
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::string replay_command(const ConvDesc& desc, Backend backend, int threads) {
  return "convjit run --problem " + shell_quoted(desc.str()) + " --dt " +
         std::string(to_string(desc.dt)) + " --layout " + std::string(to_string(desc.layout)) +
         " --post-ops " + to_string(desc.post_ops) + " --threads " + std::to_string(threads) +
         " --backend " + std::string(to_string(backend));
}

void on_kernel_created(const ConvDesc& desc, const Plan& plan, Isa isa, Backend backend,
                       int threads, std::size_t code_size, double microseconds) {
  if (!log().should_log(spdlog::level::info)) return;
  log().info("kernel {} plan {} isa {} code {} bytes in {:.1f} us; replay: {}", desc.full_str(),
             plan.str(), to_string(isa), code_size, microseconds,
             replay_command(desc, backend, threads));
}

void on_code_created(const ConvDesc& desc, const Plan& plan, const JitCode& code) {
  if (const char* dir = env("CONVJIT_DUMP"))
    without_throwing("CONVJIT_DUMP", desc, [&] {
      write_dump(dir, desc, plan, code);
      log().debug("CONVJIT_DUMP: wrote {}/{}.{{bin,asm,json}}", dir, dump_name(desc, plan));
    });
  if (const char* perf = env("CONVJIT_PERF_MAP"); perf && std::string_view(perf) != "0")
    without_throwing("CONVJIT_PERF_MAP", desc, [&] { append_perf_map(desc, plan, code); });
}

}  // namespace convjit
