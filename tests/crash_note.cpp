#include "tests/crash_note.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <mutex>

namespace convjit {
namespace {

constexpr int kSignals[] = {SIGSEGV, SIGBUS};
struct sigaction g_previous[std::size(kSignals)];
char g_note[2048];
std::atomic<bool> g_armed{false};

// Async-signal-safe: write(2) only. Then the previous handler is put back and
// the faulting instruction re-executes, so ASan's report or the default core
// dump still happens.
void on_fatal_signal(int sig) {
  if (g_armed.exchange(false)) {
    static const char kHead[] = "\n*** crashed while running: ";
    [[maybe_unused]] ssize_t n = write(STDERR_FILENO, kHead, sizeof kHead - 1);
    n = write(STDERR_FILENO, g_note, strnlen(g_note, sizeof g_note));
    n = write(STDERR_FILENO, "\n", 1);
  }
  for (std::size_t i = 0; i < std::size(kSignals); ++i)
    if (kSignals[i] == sig) sigaction(sig, &g_previous[i], nullptr);
}

void install_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    struct sigaction action {};
    action.sa_handler = on_fatal_signal;
    sigemptyset(&action.sa_mask);
    for (std::size_t i = 0; i < std::size(kSignals); ++i)
      sigaction(kSignals[i], &action, &g_previous[i]);
  });
}

}  // namespace

CrashNote::CrashNote(const std::string& text) {
  install_once();
  g_armed = false;
  const std::size_t n = std::min(text.size(), sizeof g_note - 1);
  std::memcpy(g_note, text.data(), n);
  g_note[n] = '\0';
  g_armed = true;
}

CrashNote::~CrashNote() { g_armed = false; }

}  // namespace convjit
