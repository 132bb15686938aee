// Engine::warm_up compiles ahead of use: make_kernel of a warmed problem
// compiles nothing more, whatever codes its kernel runs, and a bad problem in the list is an Error naming
// its place.
#include <gtest/gtest.h>

#include <vector>

#include "convjit/convjit.hpp"

namespace convjit {
namespace {

TEST(WarmUp, CompilesAheadSoThatMakeKernelOnlyReuses) {
  Engine engine;
  if (engine.cpu().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU: nothing to compile";
  // The last has wide rows shifted to src's lines, two more codes for their
  // heads, a row and four rows a block (seed:image3x3).
  const std::vector<ConvDesc> problems = {ConvDesc::parse("mb1ic3ih32oc10kh2sh2"),
                                          ConvDesc::parse("mb2ic16ih9oc32kh3ph1"),
                                          ConvDesc::parse("mb1ic3ih32oc10kh2sh2"),  // twice: once compiled
                                          ConvDesc::parse("mb1ic1ih1024oc1kh3")};
  engine.warm_up(problems);
  EXPECT_EQ(engine.stats().compiled, 5);
  for (const ConvDesc& d : problems) {
    const auto kernel = engine.make_kernel(d);
    EXPECT_EQ(kernel->backend(), Backend::jit);
  }
  EXPECT_EQ(engine.stats().compiled, 5) << "make_kernel compiled a warmed problem again";
}

TEST(WarmUp, ABadProblemIsAnErrorNamingItsPlace) {
  Engine engine;
  ConvDesc bad = ConvDesc::parse("mb1ic3ih32oc10kh2");
  bad.oc = 0;
  const std::vector<ConvDesc> problems = {ConvDesc::parse("mb1ic1ih8oc1kh3"), bad};
  try {
    engine.warm_up(problems);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), "oc");
    EXPECT_EQ(std::string(e.what()).rfind("problems[1]: ", 0), 0u) << e.what();
  }
  engine.warm_up({});  // nothing to do
}

}  // namespace
}  // namespace convjit
