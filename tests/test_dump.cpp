// Seeing the generated code: annotated disassembly of many kernels of both
// strategies (ctest runs these natively and capped to AVX2, so both ISAs),
// the CONVJIT_DUMP files, the perf map, and verbose lines that replay.
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

#include "convjit/convjit.hpp"
#include "jit/disasm.hpp"
#include "kernels/code_dump.hpp"
#include "kernels/code_hooks.hpp"
#include "kernels/perf_map.hpp"
#include "kernels/planned_kernel.hpp"
#include "validation/test_data.hpp"
#include "problem/log.hpp"
#include "tests/scoped.hpp"
#include "tests/text_file.hpp"

namespace convjit {
namespace {

namespace fs = std::filesystem;
using testing::read_file;

// Few channels (ow_vector) and many channels (oc_vector), 1D to 3D, strided,
// padded, grouped, with and without an output-channel tail.
const char* const kDumpProblems[] = {
    "mb1ic1ih64oc1kh3",      "mb1ic3ih32oc10kh2sh2",  "mb2ic2ih20oc5kh5ph2",
    "mb1ic1ih16oc4kh5",      "mb1ic32ih10oc48kh3ph1", "g2mb1ic32ih9oc40kh3sh2",
    "mb1ic16id5ih5iw5oc16kd3kh3kw3"};

// Every problem in every data type, layout and post-op combination.
std::vector<ConvDesc> all_variants() {
  std::vector<ConvDesc> out;
  for (const char* text : kDumpProblems)
    for (DataType dt : {DataType::f32, DataType::f64})
      for (Layout layout : {Layout::ncx, Layout::nxc})
        for (PostOps ops : {PostOps{}, PostOps{true, false}, PostOps{false, true}, PostOps{true, true}}) {
          ConvDesc d = ConvDesc::parse(text);
          d.dt = dt;
          d.layout = layout;
          d.post_ops = ops;
          out.push_back(d);
        }
  return out;
}

const JitCode& jit_code_of(const Kernel& kernel) {
  const JitCode* code = dynamic_cast<const PlannedKernel&>(kernel).jit_code();
  if (!code) throw std::runtime_error("not a JIT kernel");
  return *code;
}

#define SKIP_ENGINE_WITHOUT_JIT(engine) \
  if ((engine).cpu().isa == Isa::scalar) GTEST_SKIP() << "no JIT on this CPU (or capped)"

// ---- disassembly -------------------------------------------------------

// The offsets of the instruction lines ("0000002a  vfmadd231ps ...").
std::set<std::size_t> instruction_offsets(const std::string& listing) {
  std::set<std::size_t> offsets;
  std::istringstream lines(listing);
  for (std::string line; std::getline(lines, line);)
    if (line.size() > 10 && line[0] != ' ') offsets.insert(std::stoul(line.substr(0, 8), nullptr, 16));
  return offsets;
}

// The section comments of a listing, one per line.
std::string comments(const std::string& listing) {
  std::string out;
  std::istringstream lines(listing);
  for (std::string line; std::getline(lines, line);)
    if (line.starts_with("                ; ")) out += line.substr(18) + "\n";
  return out;
}

TEST(DumpDisasm, EveryKernelDecodesWithItsSectionsInPlace) {
  Engine engine;
  SKIP_ENGINE_WITHOUT_JIT(engine);
  int tails = 0;
  for (const ConvDesc& d : all_variants()) {
    SCOPED_TRACE(d.full_str());
    const auto kernel = engine.make_kernel(d);
    ASSERT_EQ(kernel->backend(), Backend::jit);
    const JitCode& code = jit_code_of(*kernel);
    ASSERT_EQ(kernel->code().size(), code.size());
    const std::string listing = kernel->disassembly();
    EXPECT_EQ(listing.find("undecodable"), std::string::npos) << listing;
    EXPECT_EQ(listing.find("(note "), std::string::npos) << "a note off an instruction boundary";
    // Each note names the instruction it precedes: it must start one.
    const std::set<std::size_t> starts = instruction_offsets(listing);
    for (const CodeNote& note : code.notes()) {
      EXPECT_LT(note.offset, code.size()) << note.text;
      EXPECT_TRUE(starts.count(note.offset)) << note.offset << " " << note.text;
    }
    for (const CodeEntry& e : code_entries(code)) EXPECT_TRUE(starts.count(e.offset));
    tails += code_entries(code).size() > 1;
    EXPECT_NE(listing.find("vfmadd231"), std::string::npos);
    const std::string sections = comments(listing);
    for (const char* word : {"entry:", "prologue", "loop", "register block", "taps", "store",
                             "epilogue"})
      EXPECT_NE(sections.find(word), std::string::npos) << word << " in\n" << sections;
    if (d.post_ops.bias) {
      EXPECT_NE(sections.find("bias"), std::string::npos) << sections;
    }
    if (d.post_ops.relu) {
      EXPECT_NE(sections.find("relu"), std::string::npos) << sections;
    }
  }
  EXPECT_GT(tails, 0) << "no kernel had an output-channel tail entry";
}

// 1x1 kernels reading a channels-first input in place prefetch the rows of
// the channels ahead (their planes lie beyond the hardware prefetchers'
// strides); staged inputs and few channels do not.
TEST(DumpDisasm, OneByOneChannelsFirstKernelsPrefetchTheChannelsAhead) {
  Engine engine(EngineOptions{.threads = 1});
  SKIP_ENGINE_WITHOUT_JIT(engine);
  auto listing = [&](const char* text, Layout layout) {
    ConvDesc d = ConvDesc::parse(text);
    d.layout = layout;
    return engine.make_kernel(d)->disassembly();
  };
  const std::string one_by_one = listing("mb1ic512ih28oc128kh1", Layout::ncx);
  EXPECT_NE(one_by_one.find("; prefetch: the block's input rows 8 channels ahead"), std::string::npos) << one_by_one;
  EXPECT_NE(one_by_one.find("prefetcht0"), std::string::npos);
  for (auto [text, layout] : {std::pair{"mb1ic512ih28oc128kh1", Layout::nxc}, {"mb1ic8ih28oc128kh1", Layout::ncx},
                              {"mb1ic64ih56oc64kh3ph1", Layout::ncx}})
    EXPECT_EQ(listing(text, layout).find("prefetcht0"), std::string::npos) << text;
}

// Kernels over 1 MiB of weights or more prefetch the next call's into the
// L2 (prefetcht1) in their input-channel loop, direct and Winograd alike;
// smaller weights stay in the L2 and are not.
TEST(DumpDisasm, LargeWeightsPrefetchTheNextCallsWeights) {
  Engine engine(EngineOptions{.threads = 1});
  SKIP_ENGINE_WITHOUT_JIT(engine);
  auto listing = [&](const char* text, Algorithm algorithm) {
    ConvDesc d = ConvDesc::parse(text);
    d.layout = Layout::nCx16c;
    d.algorithm = algorithm;
    return engine.make_kernel(d)->disassembly();
  };
  const char* const note = "a line of the next call's weights prefetched";
  for (auto [text, algorithm] : {std::pair{"mb1ic512ih7oc2048kh1", Algorithm::direct},  // 4 MiB
                                 {"mb1ic256ih14oc256kh3ph1", Algorithm::direct},         // 2.25 MiB
                                 {"mb1ic512ih7oc512kh3ph1", Algorithm::winograd}}) {    // F(2x2): 16 MiB
    const std::string large = listing(text, algorithm);
    EXPECT_NE(large.find(note), std::string::npos) << text << "\n" << large;
    EXPECT_NE(large.find("prefetcht1"), std::string::npos) << text;
  }
  for (auto [text, algorithm] : {std::pair{"mb1ic128ih28oc512kh1", Algorithm::direct},  // 256 KiB
                                 {"mb1ic64ih56oc64kh3ph1", Algorithm::winograd}}) {     // F(4x4): 576 KiB
    const std::string small = listing(text, algorithm);
    EXPECT_EQ(small.find(note), std::string::npos) << text;
    EXPECT_EQ(small.find("prefetcht1"), std::string::npos) << text;
  }
}

// An output-channel tail of a quarter or half a vector moves in an xmm or
// ymm: a full-width masked move still splits when it spans two lines, as
// every pixel of a one-channel blocked output does with dst off a line.
TEST(DumpDisasm, FewTailChannelsMoveInANarrowRegister) {
  Engine engine(EngineOptions{.threads = 1});
  SKIP_ENGINE_WITHOUT_JIT(engine);
  const bool zmm = engine.cpu().isa == Isa::avx512;
  auto moves = [&](const char* text, const char* width) {
    ConvDesc d = ConvDesc::parse(text);
    d.layout = Layout::nCx16c;
    const std::string listing = engine.make_kernel(d)->disassembly();
    // dst is the row register r8; stores (AVX-512) or masked moves (AVX2) of it.
    const std::regex move(zmm ? std::string("vmovups ") + width + "word ptr \\[r8[^\\]]*\\] \\{k1\\}"
                              : std::string("vmaskmovps ") + width + "[0-9]+, [xy]mm[0-9]+, \\[r8");
    return std::distance(std::sregex_iterator(listing.begin(), listing.end(), move), std::sregex_iterator());
  };
  const char* full = zmm ? "zmm" : "ymm";
  EXPECT_GT(moves("mb1ic1ih50oc1kh2", "xmm"), 0);  // one channel: a quarter of either vector
  EXPECT_EQ(moves("mb1ic1ih50oc1kh2", full), 0);
  EXPECT_GT(moves("mb1ic2ih20oc6kh3", "ymm"), 0);  // six: half a zmm, a whole ymm
  EXPECT_EQ(moves("mb1ic2ih20oc6kh3", zmm ? "zmm" : "xmm"), 0);
}

// A JitCode made of given bytes, to show the disassembler what no emitter
// should produce.
class FakeCode : public JitCode {
 public:
  FakeCode(std::vector<uint8_t> bytes, std::vector<CodeNote> notes) : bytes_(std::move(bytes)) {
    code_ = bytes_.data();
    size_ = bytes_.size();
    notes_ = std::move(notes);
  }

 private:
  std::vector<uint8_t> bytes_;
};

TEST(DumpDisasm, MarksUndecodableBytesAndMisplacedNotes) {
  // nop; 0x06 (push es: invalid in 64-bit mode); mov eax, 1; ret
  const FakeCode code({0x90, 0x06, 0xb8, 0x01, 0x00, 0x00, 0x00, 0xc3},
                      {{0, "start"}, {1, "bad"}, {3, "inside mov"}, {8, "after the end"}});
  EXPECT_EQ(disassemble(code),
            "                ; start\n"
            "00000000  nop\n"
            "                ; bad\n"
            "00000001  (undecodable byte 06)\n"
            "00000002  mov eax, 0x01\n"
            "                ; inside mov (note inside the previous instruction)\n"
            "00000007  ret\n"
            "                ; after the end (note past the end of the code)\n");
}

// ---- CONVJIT_DUMP --------------------------------------------------------

TEST(DumpFiles, EveryCompiledKernelIsWrittenAndNamed) {
  TempDir tmp;
  const fs::path dir = tmp.path() / "dumps";  // created by the first dump
  ScopedEnv dump("CONVJIT_DUMP", dir.string());
  Engine engine;
  SKIP_ENGINE_WITHOUT_JIT(engine);
  for (const char* text : {"mb1ic3ih32oc10kh2sh2n\"a:name/with*odd?chars\"", "mb1ic32ih10oc48kh3ph1"}) {
    const ConvDesc d = ConvDesc::parse(text);
    const auto kernel = engine.make_kernel(d);
    const Plan& plan = dynamic_cast<const PlannedKernel&>(*kernel).plan();
    const std::string name = dump_name(d, plan);
    const std::string bin = read_file(dir / (name + ".bin"));
    ASSERT_EQ(bin.size(), kernel->code().size()) << name;
    EXPECT_EQ(std::memcmp(bin.data(), kernel->code().data(), bin.size()), 0);
    const std::string assembly = read_file(dir / (name + ".asm"));
    EXPECT_NE(assembly.find(d.full_str()), std::string::npos);
    EXPECT_NE(assembly.find(kernel->disassembly()), std::string::npos);
    const auto json = nlohmann::json::parse(read_file(dir / (name + ".json")));
    EXPECT_EQ(json["descriptor"], d.str());
    EXPECT_EQ(json["full_str"], d.full_str());
    EXPECT_EQ(Plan::from_json(json["plan"].dump()), plan);
    EXPECT_EQ(json["size"], kernel->code().size());
    EXPECT_GE(json["compile_s"].get<double>(), 0);
  }
  // Two kernels, three files each, no temporaries left behind.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 6);
}

TEST(DumpFiles, AnUnwritableDirectoryIsOnlyAWarning) {
  TempDir tmp;
  std::ofstream(tmp.path() / "file") << "a file, not a directory";
  ScopedEnv dump("CONVJIT_DUMP", (tmp.path() / "file" / "sub").string());
  Engine engine;
  SKIP_ENGINE_WITHOUT_JIT(engine);
  EXPECT_NO_THROW(engine.make_kernel(ConvDesc::parse("mb1ic1ih16oc4kh5")));
}

TEST(DumpFiles, NamesAreSafeDistinctAndBounded) {
  ConvDesc a = ConvDesc::parse("mb1ic1ih1024oc1kh3n\"seed:image3x3\"");
  const Plan plan = make_plan(a, CpuFacts::detect(), Isa::avx2, 1);
  const std::string name = dump_name(a, plan);
  EXPECT_EQ(name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_."),
            std::string::npos) << name;
  for (const std::string part : {"mb1ic1ih1024", "seed_image3x3", "f32", "ncx", "ow_vector", "avx2"})
    EXPECT_NE(name.find(part), std::string::npos) << part << " in " << name;
  ConvDesc b = a;
  b.dt = DataType::f64;
  EXPECT_NE(dump_name(b, plan), name);
  Plan other = plan;
  other.ur_h += 1;
  EXPECT_NE(dump_name(a, other), name);
  // Names differing only past the cut still differ, through the hash.
  ConvDesc long_a = ConvDesc::parse("mb1ic1ih16oc1kh3n" + std::string(300, 'x') + "a");
  ConvDesc long_b = ConvDesc::parse("mb1ic1ih16oc1kh3n" + std::string(300, 'x') + "b");
  EXPECT_LE(dump_name(long_a, plan).size(), 200u);
  EXPECT_NE(dump_name(long_a, plan), dump_name(long_b, plan));
}

// ---- CONVJIT_PERF_MAP ----------------------------------------------------

TEST(DumpPerfMap, EveryEntryPointIsMappedWithItsProblem) {
  std::remove(perf_map_path().c_str());
  ScopedEnv perf("CONVJIT_PERF_MAP", "1");
  Engine engine;
  SKIP_ENGINE_WITHOUT_JIT(engine);
  std::vector<std::unique_ptr<Kernel>> kernels;
  for (const ConvDesc& d : all_variants()) kernels.push_back(engine.make_kernel(d));

  // start -> (size, name), from perf's format: hex without 0x.
  std::map<uintptr_t, std::pair<std::size_t, std::string>> map;
  std::istringstream lines(read_file(perf_map_path()));
  const std::regex format("([0-9a-f]+) ([0-9a-f]+) (convjit:.+)");
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    ASSERT_TRUE(std::regex_match(line, m, format)) << line;
    map[std::stoull(m[1], nullptr, 16)] = {std::stoull(m[2], nullptr, 16), m[3]};
  }
  // Problems equal in memory (one channel, channels first or last) share
  // their code, mapped once.
  std::set<InnerFn> entries;
  bool two_entries = false;
  for (const auto& kernel : kernels) {
    two_entries |= jit_code_of(*kernel).entry(OcPart::full) && jit_code_of(*kernel).entry(OcPart::tail);
    const JitCode& code = jit_code_of(*kernel);
    for (OcPart part : {OcPart::full, OcPart::tail}) {
      if (!code.entry(part)) continue;
      entries.insert(code.entry(part));
      const auto it = map.find(reinterpret_cast<uintptr_t>(code.entry(part)));
      ASSERT_NE(it, map.end()) << kernel->desc().full_str() << " " << to_string(part);
      const auto& [size, name] = it->second;
      EXPECT_GT(size, 0u);
      EXPECT_LE(size, code.size());
      EXPECT_NE(name.find(kernel->desc().str()), std::string::npos) << name;
      EXPECT_NE(name.find(kernel->plan_str()), std::string::npos) << name;
      EXPECT_EQ(name.ends_with(":oc_tail"), part == OcPart::tail) << name;
    }
  }
  EXPECT_EQ(map.size(), entries.size());
  EXPECT_TRUE(two_entries) << "no kernel had two entries";
  std::remove(perf_map_path().c_str());
}

// ---- CONVJIT_VERBOSE -----------------------------------------------------

// Replays name their thread count; one keeps them cheap.
EngineOptions one_thread() {
  EngineOptions options;
  options.threads = 1;
  return options;
}

// The lines convjit logs at `level` while it lives.
class LogCapture {
 public:
  explicit LogCapture(spdlog::level::level_enum level)
      : sink_(std::make_shared<spdlog::sinks::ostream_sink_mt>(out_)), old_(log().level()) {
    sink_->set_pattern("%v");
    log().sinks().push_back(sink_);
    log().set_level(level);
  }
  ~LogCapture() {
    log().set_level(old_);
    auto& sinks = log().sinks();
    sinks.erase(std::find(sinks.begin(), sinks.end(), sink_));
  }
  std::vector<std::string> lines() const {
    std::vector<std::string> out;
    std::istringstream in(out_.str());
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  }

 private:
  std::ostringstream out_;
  std::shared_ptr<spdlog::sinks::ostream_sink_mt> sink_;
  spdlog::level::level_enum old_;
};

// Undoes a POSIX shell's single quotes ('it'\''s' -> it's).
std::string shell_unquote(const std::string& word) {
  if (word.empty() || word[0] != '\'') return word;
  std::string out;
  bool quoted = false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (word[i] == '\'')
      quoted = !quoted;
    else if (word[i] == '\\' && !quoted && i + 1 < word.size())
      out += word[++i];
    else
      out += word[i];
  }
  return out;
}

struct Replay {
  std::string args;  // after "convjit "
  ConvDesc desc;
};

// The replay part of a kernel line, parsed as `convjit run` parses it.
std::optional<Replay> replay_of(const std::string& line) {
  static const std::regex replay(
      "; replay: convjit (run --problem ('(?:[^']|'\\\\'')*'|\\S+) --dt (\\S+) --layout (\\S+) "
      "--post-ops (\\S+) --threads [0-9]+ --backend (\\S+))$");
  std::smatch m;
  if (!std::regex_search(line, m, replay)) return std::nullopt;
  Replay r{m[1], ConvDesc::parse(shell_unquote(m[2]))};
  r.desc.dt = parse_data_type(m[3].str());
  r.desc.layout = parse_layout(m[4].str());
  r.desc.post_ops = parse_post_ops(m[5].str());
  return r;
}

std::vector<ConvDesc> replay_cases() {
  std::vector<ConvDesc> out;
  for (const char* text : {"mb1ic1ih1024oc1kh3n\"seed:image3x3\"", "mb1ic3ih32oc10kh2sh2",
                           "g2mb1ic32ih9oc40kh3sh2n\"it's_odd\"", "mb1ic16id5ih5iw5oc16kd3kh3kw3"}) {
    ConvDesc d = ConvDesc::parse(text);
    d.dt = out.size() % 2 ? DataType::f64 : DataType::f32;
    d.layout = out.size() % 3 ? Layout::nxc : Layout::ncx;
    d.post_ops = {out.size() % 2 == 0, out.size() > 1};
    out.push_back(d);
  }
  return out;
}

TEST(DumpVerbose, EachKernelLineHoldsItsReplay) {
  const LogCapture capture(spdlog::level::info);
  Engine engine(one_thread());
  const std::vector<ConvDesc> cases = replay_cases();
  for (const ConvDesc& d : cases) engine.make_kernel(d);
  std::vector<ConvDesc> replayed;
  for (const std::string& line : capture.lines())
    if (line.starts_with("kernel ")) {
      const auto r = replay_of(line);
      ASSERT_TRUE(r) << line;
      EXPECT_NE(line.find(" isa "), std::string::npos) << line;
      EXPECT_NE(line.find(" bytes in "), std::string::npos) << line;
      replayed.push_back(r->desc);
    }
  ASSERT_EQ(replayed.size(), cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(replayed[i].full_str(), cases[i].full_str());
    EXPECT_EQ(replayed[i], cases[i]);
  }
}

TEST(DumpVerbose, AReplayRunsThroughTheBinary) {
  const LogCapture capture(spdlog::level::info);
  Engine engine(one_thread());
  const ConvDesc d = replay_cases()[2];  // a quoted name with a quote in it
  const Backend backend = engine.make_kernel(d)->backend();
  std::optional<Replay> r;
  for (const std::string& line : capture.lines())
    if (line.starts_with("kernel ")) r = replay_of(line);
  ASSERT_TRUE(r);
  FILE* pipe = popen(("'" CONVJIT_BINARY "' " + r->args + " 2>&1").c_str(), "r");
  ASSERT_TRUE(pipe);
  std::string output;
  char chunk[4096];
  for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, pipe)) > 0;) output.append(chunk, n);
  EXPECT_EQ(pclose(pipe), 0) << r->args << "\n" << output;
  EXPECT_NE(output.find(d.full_str() + "  backend " + std::string(to_string(backend))),
            std::string::npos) << output;
}

TEST(DumpVerbose, LevelTwoLogsEachRun) {
  Engine engine(one_thread());
  ConvDesc d = ConvDesc::parse("mb1ic1ih16oc4kh5");
  const auto kernel = engine.make_kernel(d);
  const ProblemData data = make_problem_data(d, 2, Fill::integer, 1);
  kernel->bind(data.wei.cview());
  Buffer dst(d.dt, d.dst_shape(2)), dst2(d.dt, d.dst_shape(2));
  const LogCapture capture(spdlog::level::debug);
  kernel->run(data.src.cview(), dst.view());
  const TensorPair pairs[] = {{data.src.cview(), dst.view()}, {data.src.cview(), dst2.view()}};
  kernel->run_ragged(pairs);
  const std::vector<std::string> lines = capture.lines();
  ASSERT_EQ(lines.size(), 2u);
  const std::regex timed("batch ([0-9]+) \\(([0-9]+) tensors\\) in [0-9.]+ us");
  std::smatch m;
  for (const std::string& line : lines) {
    EXPECT_TRUE(line.starts_with("run " + d.full_str() + " batch ")) << line;
    EXPECT_TRUE(std::regex_search(line, m, timed)) << line;
  }
  EXPECT_NE(lines[0].find("batch 2 (1 tensors)"), std::string::npos) << lines[0];
  EXPECT_NE(lines[1].find("batch 4 (2 tensors)"), std::string::npos) << lines[1];
}

}  // namespace
}  // namespace convjit
