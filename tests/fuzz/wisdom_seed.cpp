// Prints a valid wisdom file for this machine: the seed of fuzz_wisdom's
// corpus, covering each effort, both strategies, data types and layouts.
#include <cstdio>

#include "convjit/cpu.hpp"
#include "tuning/wisdom.hpp"

int main() {
  using namespace convjit;
  const CpuFacts cpu = CpuFacts::detect("");
  Wisdom wisdom(CpuSignature::of(cpu));
  const char* problems[] = {"mb1ic1ih64oc1kh3", "mb2ic32ih14oc64kh3ph1", "g4mb1ic8iw50oc8kw5sw2"};
  int i = 0;
  for (const char* text : problems) {
    ConvDesc desc = ConvDesc::parse(text);
    desc.dt = i % 2 ? DataType::f64 : DataType::f32;
    desc.layout = i % 2 ? Layout::nxc : Layout::ncx;
    desc.post_ops = {i == 1, i == 2};
    WisdomEntry entry;
    entry.plan = make_plan(desc, cpu, cpu.isa, 2);
    entry.time_s = 1e-4 * (i + 1);
    entry.heuristic_s = 2e-4 * (i + 1);
    entry.effort = static_cast<Effort>(i + 1);
    wisdom.add(desc, 2, entry);
    ++i;
  }
  std::fputs(wisdom.to_json().c_str(), stdout);
}
