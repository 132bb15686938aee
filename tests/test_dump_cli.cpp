// `convjit dump`, run in-process: what it prints, the files of --out, its
// bad inputs, and README.md documenting its options.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "convjit/engine.hpp"
#include "tests/scoped.hpp"
#include "tests/text_file.hpp"
#include "tools/cli.hpp"

namespace convjit {
namespace {

namespace fs = std::filesystem;
using testing::read_file;

constexpr const char* kImage = "mb1ic1ih1024oc1kh3n\"seed:image3x3\"";

struct Captured {
  int status = -1;
  std::string out, err;
};

Captured run_in_process(std::vector<std::string> args) {
  args.insert(args.begin(), "convjit");
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  Captured o;
  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();
  o.status = run_cli(static_cast<int>(argv.size()), argv.data());
  o.out = ::testing::internal::GetCapturedStdout();
  o.err = ::testing::internal::GetCapturedStderr();
  return o;
}

bool has_jit() { return CpuFacts::detect().isa != Isa::scalar; }

#define SKIP_WITHOUT_JIT() \
  if (!has_jit()) GTEST_SKIP() << "no JIT on this CPU (or capped)"

// `convjit plan` prints the plan the JIT kernel runs, compiling nothing;
// a problem the layout refuses is a line of its own and status 1.
TEST(PlanCli, PrintsThePlanTheKernelRunsOneLineEach) {
  SKIP_WITHOUT_JIT();
  Engine engine(EngineOptions{.threads = 1});
  const ConvDesc desc = ConvDesc::parse(kImage);
  const Captured o = run_in_process({"plan", "--problem", kImage, "--threads", "1"});
  ASSERT_EQ(o.status, 0) << o.err;
  // (built by append: GCC 12 warns falsely of an overlapping copy in a + "  " + b)
  std::string line = desc.full_str();
  line.append("  ").append(engine.make_kernel(desc, Backend::jit)->plan_str()).append("\n");
  EXPECT_EQ(o.out, line);
  const Captured grouped = run_in_process({"plan", "--problem", "g8mb2ic64iw9oc64ow8kw2", "--layout", "nCx16c"});
  EXPECT_EQ(grouped.status, 1);
  EXPECT_NE(grouped.out.find("error: ic/g=8 is not a multiple of 16"), std::string::npos) << grouped.out;
  EXPECT_EQ(run_in_process({"plan"}).status, 2);
}

TEST(DumpCli, PrintsPlanSizeAndAnnotatedAssembly) {
  SKIP_WITHOUT_JIT();
  const Captured o = run_in_process({"dump", "--problem", kImage});
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_NE(o.out.find("problem  mb1ic1ih1024"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("f32 ncx none mb1ic1ih1024"), std::string::npos);
  EXPECT_TRUE(std::regex_search(o.out, std::regex("\nplan     ow_vector (avx512|avx2) v[0-9]+ ")));
  for (const char* field : {"strategy", "isa", "vlen", "ur_w", "ur_h", "oc_blk", "ic_blk", "staged",
                            "threads"})
    EXPECT_NE(o.out.find("| " + std::string(field) + " "), std::string::npos) << field;
  EXPECT_TRUE(std::regex_search(o.out, std::regex("\ncode     [0-9]+ bytes, compiled in ")));
  EXPECT_TRUE(std::regex_search(o.out, std::regex("\n[0-9a-f]{8}  vfmadd231ps ")));
  for (const char* section : {"entry:", "prologue", "row loop", "width loop", "register block",
                              "taps", "store", "row tail", "epilogue"})
    EXPECT_NE(o.out.find("                ; " + std::string(section)), std::string::npos) << section;
}

TEST(DumpCli, OutWritesCodeAssemblyAndSidecar) {
  SKIP_WITHOUT_JIT();
  TempDir tmp;
  const fs::path dir = tmp.path() / "out";
  const Captured o = run_in_process({"dump", "--problem", "mb1ic32ih10oc48kh3ph1n\"layer/3\"", "--dt", "f64",
                             "--post-ops", "bias,relu", "--layout", "nxc", "--out", dir.string()});
  ASSERT_EQ(o.status, 0) << o.err;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
  ASSERT_EQ(files.size(), 3u);
  const fs::path json_path = dir / (files[0].stem().string() + ".json");
  const auto json = nlohmann::json::parse(read_file(json_path));
  const std::string name = json["name"];
  for (const char* ext : {".bin", ".asm", ".json"}) EXPECT_TRUE(fs::exists(dir / (name + ext))) << ext;
  EXPECT_EQ(json["descriptor"], ConvDesc::parse("mb1ic32ih10oc48kh3ph1n\"layer/3\"").str());
  EXPECT_EQ(json["full_str"].get<std::string>().rfind("f64 nxc bias,relu mb1ic32ih10oc48", 0), 0u);
  EXPECT_EQ(json["plan"]["strategy"], "oc_vector");
  EXPECT_EQ(json["isa"], json["plan"]["isa"]);
  EXPECT_EQ(fs::file_size(dir / (name + ".bin")), json["size"].get<std::size_t>());
  EXPECT_GT(json["compile_s"].get<double>(), 0);
  const std::string assembly = read_file(dir / (name + ".asm"));
  EXPECT_EQ(assembly.rfind("; convjit kernel " + json["full_str"].get<std::string>() + "\n", 0), 0u);
  EXPECT_NE(assembly.find("vfmadd231pd"), std::string::npos);
  // The name says where the file came from, in safe characters only.
  for (const char* part : {"mb1ic32ih10oc48", "layer_3", "f64", "nxc", "bias_relu", "oc_vector"})
    EXPECT_NE(name.find(part), std::string::npos) << part << " in " << name;
  EXPECT_NE(o.out.find("wrote " + (dir / name).string()), std::string::npos) << o.out;
}

TEST(DumpCli, IsaCapsTheCode) {
  SKIP_WITHOUT_JIT();
  const Captured avx2 = run_in_process({"dump", "--problem", "mb1ic3ih32oc10kh2sh2", "--isa", "avx2"});
  ASSERT_EQ(avx2.status, 0) << avx2.err;
  EXPECT_NE(avx2.out.find(" avx2 v8 "), std::string::npos);
  EXPECT_NE(avx2.out.find("ymm"), std::string::npos);
  EXPECT_EQ(avx2.out.find("zmm"), std::string::npos);
  const Captured avx512 = run_in_process({"dump", "--problem", "mb1ic3ih32oc10kh2sh2", "--isa", "avx512"});
  if (CpuFacts::detect("avx512").detected_isa == Isa::avx512) {
    ASSERT_EQ(avx512.status, 0) << avx512.err;
    EXPECT_NE(avx512.out.find(" avx512 v16 "), std::string::npos);
    EXPECT_NE(avx512.out.find("zmm"), std::string::npos);
  } else {
    EXPECT_EQ(avx512.status, 2);
    EXPECT_NE(avx512.err.find("convjit: error: --isa avx512: this CPU has only"), std::string::npos)
        << avx512.err;
  }
}

TEST(DumpCli, BadInputIsStatusTwoAndWritesNothing) {
  TempDir tmp;
  const std::string missing = (tmp.path() / "missing" / "out").string();
  const std::vector<std::vector<std::string>> cases = {
      {"dump", "--problem", kImage, "--isa", "sse"},
      {"dump", "--problem", kImage, "--isa", "scalar"},
      {"dump"},
      {"dump", "--problem", "mb1ic3ih32oc10kh2g3"},
      {"dump", "--problem", kImage, "--dt", "f16"},
      {"dump", "--problem", kImage, "--backend", "jit"},
      {"dump", "--problem", kImage, "--out", missing}};
  for (const auto& args : cases) {
    const Captured o = run_in_process(args);
    EXPECT_EQ(o.status, 2) << args.back() << ": " << o.err;
    EXPECT_NE(o.err.find("convjit: error: "), std::string::npos) << o.err;
  }
  EXPECT_FALSE(fs::exists(tmp.path() / "missing"));
}

TEST(DumpCli, NoJitIsStatusTwo) {
  const ScopedEnv scalar("CONVJIT_MAX_ISA", "scalar");
  const Captured o = run_in_process({"dump", "--problem", kImage});
  EXPECT_EQ(o.status, 2);
  EXPECT_NE(o.err.find("its backend is the interpreter, not the JIT"), std::string::npos) << o.err;
}

TEST(DumpCli, ReadmeDocumentsEveryOption) {
  const std::string readme = read_file(CONVJIT_SOURCE_DIR "/README.md");
  EXPECT_NE(readme.find("convjit dump"), std::string::npos);
  const Captured help = run_in_process({"dump", "--help"});
  ASSERT_EQ(help.status, 0);
  const std::regex option("--[a-z][a-z-]+");
  int options = 0;
  for (std::sregex_iterator m(help.out.begin(), help.out.end(), option), end; m != end; ++m, ++options)
    EXPECT_NE(readme.find("`" + m->str()), std::string::npos) << m->str();
  EXPECT_GE(options, 8);
  // And `convjit plan`'s, listed beside it.
  EXPECT_NE(readme.find("convjit plan"), std::string::npos);
  const Captured plan_help = run_in_process({"plan", "--help"});
  ASSERT_EQ(plan_help.status, 0);
  for (std::sregex_iterator m(plan_help.out.begin(), plan_help.out.end(), option), end; m != end; ++m)
    EXPECT_NE(readme.find("`" + m->str()), std::string::npos) << m->str();
  for (const char* variable : {"CONVJIT_DUMP", "CONVJIT_PERF_MAP", "CONVJIT_VERBOSE"})
    EXPECT_NE(readme.find("`" + std::string(variable)), std::string::npos) << variable;
}

}  // namespace
}  // namespace convjit
