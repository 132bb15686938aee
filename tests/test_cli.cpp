// The convjit command line, mostly through the built binary (exit statuses
// and files are what users see), and README.md held to what the binary does.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "convjit/conv_desc.hpp"
#include "convjit/cpu.hpp"
#include "convjit/error.hpp"
#include "validation/test_data.hpp"
#include "tools/cli.hpp"
#include "tools/npy.hpp"
#include "tests/shell.hpp"
#include "tests/text_file.hpp"

namespace convjit {
namespace {

namespace fs = std::filesystem;

constexpr const char* kCliProblem = "mb1ic3ih32oc10kh2sh2";

using testing::Outcome;
using testing::read_file;
using testing::write_file;
using testing::shell;

// The binary with `args`, run in `cwd`; stdout and stderr together.
Outcome convjit(const std::string& args, const fs::path& cwd = fs::current_path()) {
  return shell("cd '" + cwd.string() + "' && '" CONVJIT_BINARY "' " + args + " 2>&1");
}

// Every file of a directory and its bytes: "nothing changed" means equal.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::directory_iterator(dir)) files[e.path().filename()] = read_file(e.path());
  return files;
}

// A fresh directory per test: the tests run in parallel and twice (two ISAs).
class CliFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("convjit_cli_" + std::to_string(::getpid()) + "_" +
                                        info->test_suite_name() + "_" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

// ---- usage --------------------------------------------------------------

TEST(CliUsage, UnknownSubcommandOrOptionIsStatusTwo) {
  for (const std::string args : {"frobnicate", "run --problem mb1ic1ih5oc1kh3 --frob",
                                 "bench --nope", "info --threads many", "run",
                                 "run --problem mb1ic1ih5oc1kh3 --dt f16",
                                 "run --problem mb1ic1ih5oc1kh3 --backend gpu"}) {
    const Outcome o = convjit(args);
    EXPECT_EQ(o.status, 2) << args << ": " << o.output;
    EXPECT_EQ(o.output.rfind("convjit: error: ", 0), 0u) << args << ": " << o.output;
  }
}

TEST(CliUsage, HelpIsStatusZero) {
  const Outcome o = convjit("run --help");
  EXPECT_EQ(o.status, 0);
  EXPECT_NE(o.output.find("--problem"), std::string::npos) << o.output;
}

TEST(CliUsage, RunsInProcess) {
  auto run = [](std::vector<std::string> args) {
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    return run_cli(static_cast<int>(argv.size()), argv.data());
  };
  EXPECT_EQ(run({"convjit", "info", "--threads", "1"}), 0);
  EXPECT_EQ(run({"convjit", "run", "--problem", "mb1ic1ih5oc1kh3", "--backend", "reference"}), 0);
  EXPECT_EQ(run({"convjit", "run", "--problem", "mb1ic1ih5oc1kh3g3"}), 2);
  EXPECT_EQ(run({"convjit", "nope"}), 2);
}

// ---- info, run, bench, the default suite -------------------------------

TEST(CliInfo, PrintsTheIsaInUse) {
  const Outcome o = convjit("info");
  ASSERT_EQ(o.status, 0) << o.output;
  // The binary inherits CONVJIT_MAX_ISA, so it must agree with the library here.
  const std::string isa(to_string(CpuFacts::detect().isa));
  EXPECT_NE(o.output.find("isa:      " + isa + " "), std::string::npos) << o.output;
  EXPECT_NE(o.output.find("avx512f="), std::string::npos) << o.output;
  EXPECT_NE(o.output.find("threads:  "), std::string::npos) << o.output;
}

// "checked" means the kernel agreed with the reference: the JIT's and the
// interpreter's (the reference backend would only meet itself).
TEST(CliRun, JitAndInterpreterBackendsCheck) {
  if (CpuFacts::detect().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
  for (const std::string backend : {"jit", "interp", "auto"})
    for (const std::string fill : {"integer", "real"}) {
      const std::string args = std::string("run --problem ") + kCliProblem + " --backend " + backend + " --fill " + fill;
      const Outcome o = convjit(args);
      EXPECT_EQ(o.status, 0) << args << ": " << o.output;
      EXPECT_NE(o.output.find(" checked"), std::string::npos) << args << ": " << o.output;
      const std::string ran = backend == "interp" ? "interp" : "jit";
      EXPECT_NE(o.output.find("backend " + ran), std::string::npos) << args << ": " << o.output;
    }
}

// --algorithm: Winograd's kernels are checked with its own tolerance, on
// integer and real data; where it does not apply, or the word is unknown,
// an error naming the option and the reason.
TEST(CliRun, AlgorithmWinogradIsCheckedAndRefusedWhereItDoesNotApply) {
  for (const char* fill : {"integer", "real"}) {
    const Outcome o = convjit(std::string("run --problem mb1ic16ih12oc24kh3ph1 --algorithm winograd --fill ") + fill);
    EXPECT_EQ(o.status, 0) << o.output;
    EXPECT_NE(o.output.find("plan winograd"), std::string::npos) << o.output;
    EXPECT_NE(o.output.find("checked"), std::string::npos) << o.output;
  }
  const Outcome five = convjit("run --problem mb1ic16ih12oc24kh5ph2 --algorithm winograd");
  EXPECT_EQ(five.status, 2) << five.output;
  EXPECT_NE(five.output.find("algorithm=winograd does not apply"), std::string::npos) << five.output;
  EXPECT_NE(five.output.find("3x3 filter"), std::string::npos) << five.output;
  const Outcome bad = convjit("run --problem mb1ic16ih12oc24kh3ph1 --algorithm wino");
  EXPECT_EQ(bad.status, 2) << bad.output;
  EXPECT_NE(bad.output.find("--algorithm: unknown value 'wino'"), std::string::npos) << bad.output;
  const Outcome direct = convjit("run --problem mb1ic16ih12oc24kh3ph1");
  EXPECT_EQ(direct.output.find("winograd"), std::string::npos) << direct.output;
}

// --algorithm winograd_2x2: Winograd's kernel with the smaller tile, checked
// with F(2x2)'s tolerance, where plain winograd takes F(4x4).
TEST(CliRun, AlgorithmWinograd2x2KeepsToTheSmallerTile) {
  const std::string problem = "run --problem mb1ic64ih56oc64kh3ph1 --dt f32 --layout nCx16c --algorithm ";
  const Outcome larger = convjit(problem + "winograd");
  EXPECT_EQ(larger.status, 0) << larger.output;
  EXPECT_NE(larger.output.find(" m4 "), std::string::npos) << larger.output;
  for (const char* fill : {"integer", "real"}) {
    const Outcome o = convjit(problem + "winograd_2x2 --fill " + fill);
    EXPECT_EQ(o.status, 0) << o.output;
    EXPECT_NE(o.output.find("winograd_2x2 mb1ic64"), std::string::npos) << o.output;
    EXPECT_NE(o.output.find("plan winograd"), std::string::npos) << o.output;
    EXPECT_NE(o.output.find(" m2 "), std::string::npos) << o.output;
    EXPECT_NE(o.output.find("checked"), std::string::npos) << o.output;
  }
  const Outcome strided = convjit("run --problem mb1ic16ih12oc24kh3sh2ph1 --algorithm winograd_2x2");
  EXPECT_EQ(strided.status, 2) << strided.output;
  EXPECT_NE(strided.output.find("algorithm=winograd_2x2 does not apply"), std::string::npos) << strided.output;
  EXPECT_NE(strided.output.find("stride 1"), std::string::npos) << strided.output;
}

TEST(CliRun, ProblemTooLargeForMemoryIsAClearError) {
  // 1e10 input elements: 40 GB of src, more than the machine has.
  const Outcome o = convjit("run --problem mb1ic1ih100000iw100000oc1kh100000kw100000");
  EXPECT_EQ(o.status, 2) << o.output;
  EXPECT_NE(o.output.find("convjit: error: cannot allocate 40000000000 bytes for a buffer of shape "
                          "[1,1,100000,100000]: not enough memory"),
            std::string::npos)
      << o.output;
}

// Outputs whose window lies wholly in the padding are exactly 0 (or their
// bias): they are checked, and a problem made mostly or only of them is not
// failed as "untrusted". Random problems with padding up to past the
// kernel's extent, so that many outputs see nothing but padding.
TEST(CliRun, HeavyPaddingIsCheckedNotFailed) {
  std::mt19937_64 rng(20261202);
  auto draw = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  std::vector<std::string> problems = {"mb3ic3oc7ih22kh7sh1ph6dh0iw1kw2sw3pw1dw1"};
  while (problems.size() < 40) {
    std::string text = "mb" + std::to_string(draw(1, 3)) + "ic" + std::to_string(draw(1, 4)) +
                       "oc" + std::to_string(draw(1, 5));
    for (const char axis : {'h', 'w'}) {
      const int k = draw(1, 5), d = draw(0, 2), extent = (k - 1) * (d + 1) + 1;
      const int i = draw(1, 8), p = draw(extent / 2, extent + 1);
      for (const auto& [key, value] : {std::pair{"i", i}, {"k", k}, {"s", draw(1, 3)},
                                       {"p", p}, {"d", d}})
        text += key + std::string(1, axis) + std::to_string(value);
    }
    try {
      ConvDesc::parse(text).validate();
      problems.push_back(text);
    } catch (const Error&) {  // no output at all: redrawn
    }
  }
  int mostly_padding = 0;
  for (std::size_t n = 0; n < problems.size(); ++n) {
    const ConvDesc d = ConvDesc::parse(problems[n]);
    const std::vector<char> seen = outputs_seeing_input(d);
    mostly_padding += 2 * std::count(seen.begin(), seen.end(), 1) < std::ssize(seen);
    const std::string args = "run --problem " + problems[n] + " --threads 1" +
                             (n % 2 ? " --dt f64" : "") + (n % 3 == 1 ? " --post-ops bias,relu" : "");
    const Outcome o = convjit(args);
    EXPECT_EQ(o.status, 0) << args << ": " << o.output;
    EXPECT_NE(o.output.find(" checked"), std::string::npos) << args << ": " << o.output;
  }
  // The campaign must hold what it is about.
  EXPECT_GE(mostly_padding, 10);
}

TEST(CliRun, EveryOptionTogether) {
  if (CpuFacts::detect().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
  const Outcome o = convjit(
      "run --problem mb2ic4ih9iw7oc6kh3kw2ph1g2 --dt f64 --post-ops bias,relu --layout nhwc "
      "--threads 1 --backend jit --fill real --seed 7");
  EXPECT_EQ(o.status, 0) << o.output;
  EXPECT_NE(o.output.find("f64 nxc bias,relu"), std::string::npos) << o.output;
  EXPECT_NE(o.output.find("backend jit"), std::string::npos) << o.output;
  EXPECT_NE(o.output.find(" checked"), std::string::npos) << o.output;
}

TEST_F(CliFiles, RunFailedCheckIsStatusOneAndSavesNothing) {
  // An input of zeros makes every output zero: the check refuses to trust
  // it, which is a failed check, not bad input.
  const std::string problem = "mb2ic1ih5oc1kh3";
  ASSERT_EQ(convjit("run --problem " + problem + " --save zero", dir_).status, 0);
  std::string npy = read_file(dir_ / "zero" / "src.npy");
  ASSERT_GT(npy.size(), 10u);
  // .npy 1.0: magic and version (8 bytes), the header's length (2, little
  // endian), the header, then the data.
  const std::size_t data = 10 + static_cast<unsigned char>(npy[8]) + 256u * static_cast<unsigned char>(npy[9]);
  ASSERT_LT(data, npy.size());
  std::fill(npy.begin() + static_cast<std::ptrdiff_t>(data), npy.end(), '\0');
  write_file(dir_ / "zero" / "src.npy", npy);
  const Outcome o = convjit("run --problem " + problem + " --backend reference --load zero --save out", dir_);
  EXPECT_EQ(o.status, 1) << o.output;
  EXPECT_NE(o.output.find("FAILED"), std::string::npos) << o.output;
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

TEST(CliBench, JsonLinesHaveTheRequiredKeys) {
  const Outcome o = convjit(std::string("bench --problem ") + kCliProblem +
                            " --json --threads 1 --backend reference");
  ASSERT_EQ(o.status, 0) << o.output;
  std::istringstream lines(o.output);
  std::string line;
  int objects = 0;
  while (std::getline(lines, line)) {
    const nlohmann::json j = nlohmann::json::parse(line);  // throws on anything else
    ++objects;
    for (const char* key : {"problem", "dt", "threads", "backend", "min_s", "median_s", "gflops",
                            "peak_pct", "compile_s"})
      EXPECT_TRUE(j.contains(key)) << key << " missing in " << line;
    EXPECT_EQ(j["problem"], ConvDesc::parse(kCliProblem).str());
    EXPECT_EQ(j["dt"], "f32");
    EXPECT_EQ(j["threads"], 1);
    EXPECT_EQ(j["backend"], "reference");
    EXPECT_GT(j["min_s"].get<double>(), 0);
    EXPECT_GE(j["median_s"].get<double>(), j["min_s"].get<double>());
    EXPECT_GT(j["gflops"].get<double>(), 0);
    EXPECT_TRUE(j["peak_pct"].is_null() || j["peak_pct"].get<double>() > 0);
    EXPECT_GE(j["compile_s"].get<double>(), 0);
  }
  EXPECT_EQ(objects, 1);
}

TEST(CliSuite, ChecksEverySeedProblem) {
  const Outcome o = convjit("");
  EXPECT_EQ(o.status, 0) << o.output;
  EXPECT_EQ(o.output.find("FAILED"), std::string::npos) << o.output;
  for (const ShapeEntry& e : read_shape_file(CONVJIT_PROBLEMS_DIR "/seeds.txt")) {
    std::string name = e.desc.name.substr(1, e.desc.name.size() - 2);  // unquoted
    EXPECT_NE(o.output.find("| " + name + " "), std::string::npos) << name << "\n" << o.output;
  }
  // image3x3 also runs in f64 and with ReLU.
  EXPECT_NE(o.output.find("| f64 | relu "), std::string::npos) << o.output;
}

// ---- .npy files, --save and --load -------------------------------------

TEST_F(CliFiles, NpyRoundTripInProcess) {
  Buffer buf(DataType::f64, Shape{3, {2, 3, 5}});
  for (int64_t i = 0; i < buf.size(); ++i) buf.set(i, 0.5 * static_cast<double>(i) - 3);
  const fs::path path = dir_ / "a.npy";
  {
    std::ofstream out(path, std::ios::binary);
    write_npy(out, buf);
  }
  const std::string bytes = read_file(path);
  EXPECT_EQ(bytes.rfind("\x93NUMPY\x01\x00", 0), 0u);
  EXPECT_EQ((bytes.size() - buf.bytes()) % 64, 0u) << "header not padded to 64";
  const Buffer back = read_npy(path.string(), DataType::f64, buf.shape());
  ASSERT_EQ(back.bytes(), buf.bytes());
  for (int64_t i = 0; i < buf.size(); ++i) EXPECT_EQ(back.get(i), buf.get(i));
  try {
    read_npy(path.string(), DataType::f64, Shape{2, {6, 5}});
    FAIL() << "a shape mismatch was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), path.string());
    EXPECT_NE(std::string(e.what()).find("shape (2, 3, 5) does not match"), std::string::npos)
        << e.what();
  }
}

TEST_F(CliFiles, SaveLoadReproducesDstByteForByte) {
  const std::string run = std::string("run --problem ") + kCliProblem + " --post-ops bias";
  ASSERT_EQ(convjit(run + " --save first", dir_).status, 0);
  for (const char* f : {"src.npy", "wei.npy", "bias.npy", "dst.npy"})
    EXPECT_TRUE(fs::exists(dir_ / "first" / f)) << f;
  const Outcome o = convjit(run + " --load first --save second --backend reference", dir_);
  ASSERT_EQ(o.status, 0) << o.output;
  EXPECT_EQ(snapshot(dir_ / "first"), snapshot(dir_ / "second"));
}

// Loaded data is checked within a tolerance scaled to its magnitudes: a
// thousand times the generated real data (whose rounding errors are a
// thousand times larger) is checked, not failed, and so is a thousandth.
TEST_F(CliFiles, LoadedDataIsCheckedAtItsOwnScale) {
  if (CpuFacts::detect().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU";
  const ConvDesc d = ConvDesc::parse("mb2ic24ih12oc16kh3ph1");
  const std::string run = "run --problem " + d.str() + " --post-ops bias --backend jit --threads 1";
  ASSERT_EQ(convjit(run + " --fill real --seed 3 --save unit", dir_).status, 0);
  for (const double scale : {1e3, 1e-3}) {
    const fs::path scaled = dir_ / ("x" + std::to_string(scale));
    fs::create_directories(scaled);
    for (const auto& [name, shape] : {std::pair{"src.npy", d.src_shape(d.mb)}, {"wei.npy", d.wei_shape()},
                                      {"bias.npy", d.bias_shape()}}) {
      Buffer b = read_npy((dir_ / "unit" / name).string(), d.dt, shape);
      for (int64_t i = 0; i < b.size(); ++i) b.set(i, b.get(i) * scale);
      std::ofstream out(scaled / name, std::ios::binary);
      write_npy(out, b);
    }
    const Outcome o = convjit(run + " --load " + scaled.filename().string(), dir_);
    EXPECT_EQ(o.status, 0) << scale << ": " << o.output;
    EXPECT_NE(o.output.find(" checked"), std::string::npos) << scale << ": " << o.output;
  }
}

// A .npy 1.0 file with the given header dict and payload.
std::string npy_file(std::string dict, const std::string& payload, char major = 1) {
  const std::size_t prefix = 10;
  dict.append((64 - (prefix + dict.size() + 1) % 64) % 64, ' ');
  dict += '\n';
  std::string out = std::string("\x93NUMPY") + major + '\0';
  out += static_cast<char>(dict.size() & 0xff);
  out += static_cast<char>(dict.size() >> 8);
  return out + dict + payload;
}

TEST_F(CliFiles, LoadRejectsBadNpyAndChangesNothing) {
  const std::string run = std::string("run --problem ") + kCliProblem;
  ASSERT_EQ(convjit(run + " --save d", dir_).status, 0);
  const std::string good = read_file(dir_ / "d" / "wei.npy");
  const std::string payload(10 * 3 * 2 * 2 * 4, '\0');
  const std::string shape = "'shape': (10, 3, 2, 2), ";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"XX" + good.substr(2), "magic"},
      {good.substr(0, good.size() - 4), "data bytes"},
      {good + "1234", "data bytes"},
      {npy_file("{'descr': '<f8', 'fortran_order': False, " + shape + "}", payload),
       "dtype '<f8' does not match --dt f32"},
      {npy_file("{'descr': '<f4', 'fortran_order': True, " + shape + "}", payload),
       "fortran_order"},
      {npy_file("{'descr': '<f4', 'fortran_order': False, 'shape': (10, 3, 4), }", payload),
       "shape (10, 3, 4) does not match the problem's (10, 3, 2, 2)"},
      {npy_file("{'descr': '<f4', 'fortran_order': False, " + shape + "'extra': 1, }", payload),
       "unknown header key 'extra'"},
      {npy_file("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, " + shape + "}",
                payload),
       "repeated header key 'descr'"},
      {npy_file("{'descr': '<f4', " + shape + "}", payload), "lacks one of the keys"},
      {npy_file("{'descr': '<f4', 'fortran_order': False, " + shape + "} x", payload),
       "trailing characters"},
      {npy_file("{'descr': '<f4', 'fortran_order': False, " + shape + "}", payload, 9),
       "unsupported .npy version 9.0"},
  };
  for (const auto& [bytes, rule] : cases) {
    write_file(dir_ / "d" / "wei.npy", bytes);
    const auto before = snapshot(dir_ / "d");
    const Outcome o = convjit(run + " --load d --save d", dir_);
    EXPECT_EQ(o.status, 2) << rule << ": " << o.output;
    EXPECT_NE(o.output.find("d/wei.npy: "), std::string::npos) << rule << ": " << o.output;
    EXPECT_NE(o.output.find(rule), std::string::npos) << rule << ": " << o.output;
    EXPECT_EQ(snapshot(dir_ / "d"), before) << rule << ": the save directory changed";
  }
  // And the untouched original still loads.
  write_file(dir_ / "d" / "wei.npy", good);
  EXPECT_EQ(convjit(run + " --load d --save d", dir_).status, 0);
}

TEST_F(CliFiles, BadDirectoriesAreStatusTwoAndCreateNothing) {
  const std::string run = std::string("run --problem ") + kCliProblem;
  Outcome o = convjit(run + " --load missing", dir_);
  EXPECT_EQ(o.status, 2) << o.output;
  EXPECT_NE(o.output.find("--load missing: no such directory"), std::string::npos) << o.output;

  o = convjit(run + " --save no/such/dir", dir_);
  EXPECT_EQ(o.status, 2) << o.output;
  EXPECT_NE(o.output.find("parent directory no/such does not exist"), std::string::npos)
      << o.output;

  write_file(dir_ / "file", "mine");
  o = convjit(run + " --save file", dir_);
  EXPECT_EQ(o.status, 2) << o.output;
  EXPECT_EQ(read_file(dir_ / "file"), "mine");

  // A bad problem is found before the save directory is created.
  o = convjit("run --problem mb1ic3ih32oc10kh2g3 --save out", dir_);
  EXPECT_EQ(o.status, 2) << o.output;
  EXPECT_FALSE(fs::exists(dir_ / "out"));
  EXPECT_EQ(snapshot(dir_).size(), 1u) << "only `file` should be here";
}

// ---- README.md holds what the code does ---------------------------------

std::string readme() { return read_file(CONVJIT_SOURCE_DIR "/README.md"); }

// The examples README.md shows are programs the tests build and run.
TEST(CliReadme, HoldsTheExamplesVerbatim) {
  const std::string text = readme();
  for (const auto& [path, fence] : {std::pair{"tests/readme_example.cpp", "cpp"},
                                    {"tests/c_api/readme_example.c", "c"},
                                    {"tests/c_api/readme_ctypes.py", "python"}}) {
    const std::string example = read_file(std::string(CONVJIT_SOURCE_DIR "/") + path);
    ASSERT_FALSE(example.empty()) << path;
    EXPECT_NE(text.find("```" + std::string(fence) + "\n" + example + "```\n"), std::string::npos)
        << "README.md's example differs from " << path;
  }
}

TEST(CliReadme, DocumentsEveryOption) {
  const std::string text = readme();
  const std::regex option("--[a-z][a-z-]+");
  for (const char* sub : {"info", "run", "bench"}) {
    const Outcome help = convjit(std::string(sub) + " --help");
    ASSERT_EQ(help.status, 0);
    EXPECT_NE(text.find(std::string("convjit ") + sub), std::string::npos) << sub;
    for (std::sregex_iterator m(help.output.begin(), help.output.end(), option), end; m != end;
         ++m)
      EXPECT_NE(text.find("`" + m->str()), std::string::npos) << sub << " " << m->str();
  }
}

// Each row of README's table of bad inputs, "| what | `command` | `error` |",
// run in a directory holding `d` (a saved problem) and `corrupt` (whose
// src.npy is text): the binary must exit 2 and print exactly that error.
TEST_F(CliFiles, ReadmeBadInputTableIsExact) {
  ASSERT_EQ(convjit(std::string("run --problem ") + kCliProblem + " --save d", dir_).status, 0);
  fs::create_directory(dir_ / "corrupt");
  write_file(dir_ / "corrupt" / "src.npy", "not a numpy file\n");
  const auto before = snapshot(dir_ / "d");

  const std::regex row(R"(^\| [^|]+ \| `convjit ([^`]*)` \| `(convjit: error: [^`]*)` \|$)");
  std::istringstream lines(readme());
  int rows = 0;
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, row)) continue;
    ++rows;
    // Only the error line: stdout is not part of the table.
    const Outcome o = shell("cd '" + dir_.string() + "' && '" CONVJIT_BINARY "' " + m[1].str() +
                            " 2>&1 >/dev/null");
    EXPECT_EQ(o.status, 2) << line;
    EXPECT_EQ(o.output, m[2].str() + "\n") << line;
  }
  EXPECT_GE(rows, 15) << "README.md's table of bad inputs is missing or malformed";
  EXPECT_EQ(snapshot(dir_ / "d"), before);
}

}  // namespace
}  // namespace convjit
