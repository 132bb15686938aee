// Shape files: the benchdnn file format, and every problem the project ships.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "convjit/conv_desc.hpp"
#include "convjit/error.hpp"

namespace convjit {
namespace {

namespace fs = std::filesystem;

// Every shape file under problems/: seeds.txt and onednn/shapes_*.
std::vector<fs::path> problem_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(CONVJIT_PROBLEMS_DIR))
    if (entry.is_regular_file() && entry.path().extension() != ".md") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(ShapeFileProblems, EveryDescriptorRoundTrips) {
  const std::vector<fs::path> files = problem_files();
  ASSERT_GE(files.size(), 13u);  // seeds.txt and the 12 oneDNN lists
  int total = 0;
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.string());
    std::vector<ShapeEntry> entries;
    ASSERT_NO_THROW(entries = read_shape_file(file.string()));
    EXPECT_FALSE(entries.empty());
    for (const ShapeEntry& entry : entries) {
      const std::string text = entry.desc.str();
      SCOPED_TRACE(file.filename().string() + ":" + std::to_string(entry.line) + " " + text);
      EXPECT_NO_THROW(entry.desc.validate());
      const ConvDesc back = ConvDesc::parse(text);
      EXPECT_EQ(back, entry.desc);
      EXPECT_EQ(back.str(), text);
      EXPECT_GE(entry.repeats, 1);
      EXPECT_GT(entry.desc.flops(1), 0.0);
      ++total;
    }
  }
  EXPECT_GT(total, 300);
}

TEST(ShapeFileProblems, SeedsAreTheAnchorProblems) {
  const std::vector<ShapeEntry> seeds =
      read_shape_file(std::string(CONVJIT_PROBLEMS_DIR) + "/seeds.txt");
  ASSERT_FALSE(seeds.empty());
  const ConvDesc& image = seeds.front().desc;
  EXPECT_EQ(image.name, "\"seed:image3x3\"");
  EXPECT_EQ(image.o[ConvDesc::H], 1022);
  EXPECT_EQ(image.o[ConvDesc::W], 1022);
}

TEST(ShapeFileParse, CommentsBlanksOptionsAndLines) {
  const std::string text =
      "# a header comment\n"
      "\n"
      "   \t\n"
      "--dir=FWD_D --cfg=f32 mb1ic3ih8oc4kh3  # trailing comment ic9\n"
      "# ic1oc1iw5kw1 commented out\n"
      "ic1oc1iw5kw1 ic2oc2iw6kw2\r\n"
      "ic1oc1iw5kw1";  // no final newline
  const std::vector<ShapeEntry> entries = parse_shape_text(text, "inline");
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[0].line, 4);
  EXPECT_EQ(entries[0].desc, ConvDesc::parse("mb1ic3ih8oc4kh3"));
  EXPECT_EQ(entries[1].line, 6);
  EXPECT_EQ(entries[2].line, 6);
  EXPECT_EQ(entries[2].desc.ic, 2);
  EXPECT_EQ(entries[3].line, 7);
  for (const ShapeEntry& e : entries) EXPECT_EQ(e.repeats, 1);
  EXPECT_TRUE(parse_shape_text("", "empty").empty());
  EXPECT_TRUE(parse_shape_text("# only\n--mb=2\n", "options").empty());
}

TEST(ShapeFileParse, RepeatsFromNameSuffix) {
  const std::vector<ShapeEntry> entries = parse_shape_text(
      "mb50ic64ih56oc64oh56kh3ph1n\"resnet_50:res2a_branch2b*3\"\n"
      "ic1oc1iw5kw1nplain*12\n"
      "ic1oc1iw5kw1n\"a*b\"\n"
      "ic1oc1iw5kw1n\"star*\"\n",
      "repeats");
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[0].repeats, 3);
  EXPECT_EQ(entries[0].desc.name, "\"resnet_50:res2a_branch2b*3\"");  // name kept
  EXPECT_EQ(entries[1].repeats, 12);
  EXPECT_EQ(entries[2].repeats, 1);
  EXPECT_EQ(entries[3].repeats, 1);
}

void expect_error(const std::string& text, const std::string& field, const std::string& words) {
  try {
    parse_shape_text(text, "mem");
    FAIL() << "accepted: " << text;
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), field);
    EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
  }
}

TEST(ShapeFileParse, ErrorsNameOriginAndLine) {
  expect_error("ic1oc1iw5kw1\n\n# x\nic1oc1iw5kw1zz3\n", "mem:4", "unknown key 'zz'");
  expect_error("g3ic3oc10ih3kh1", "mem:1", "oc=10 is not divisible by g=3");
  expect_error("ic1oc1iw5kw1n\"x*0\"", "mem:1", "*0");
}

TEST(ShapeFileRead, MissingFileAndDirectory) {
  const std::string missing = "/nonexistent/convjit/shapes_none";
  try {
    read_shape_file(missing);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), missing);
    EXPECT_EQ(std::string(e.what()),
              "cannot open shape file '" + missing + "': No such file or directory");
  }
  try {
    read_shape_file(CONVJIT_PROBLEMS_DIR);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), CONVJIT_PROBLEMS_DIR);
    EXPECT_NE(std::string(e.what()).find("cannot open shape file"), std::string::npos);
  }
}

TEST(ShapeFileRead, ReadsFromDisk) {
  // The pid keeps concurrent runs of the suite (native and avx2) apart.
  const fs::path path = fs::temp_directory_path() /
                        ("convjit_test_shape_file_" + std::to_string(::getpid()) + ".txt");
  {
    std::ofstream out(path);
    out << "# two layers\nic1oc1iw5kw1\nbad!\n";
  }
  try {
    read_shape_file(path.string());
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), path.string() + ":3");
  }
  {
    std::ofstream out(path);
    out << "ic1oc1iw5kw1n\"x*2\"\n";
  }
  const std::vector<ShapeEntry> entries = read_shape_file(path.string());
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].repeats, 2);
  fs::remove(path);
}

}  // namespace
}  // namespace convjit
