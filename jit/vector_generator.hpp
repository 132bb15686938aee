#pragma once
// What every strategy's generator shares: data-type-neutral vector
// instructions with masked tails (AVX-512 opmasks, AVX2 vmaskmov), checked
// displacements and the section notes of annotated dumps. The vector
// instructions are templated on the register type like the generators built
// on this class; the class itself is not, so that they see Xbyak's names.
#include <xbyak/xbyak.h>

#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "convjit/types.hpp"
#include "jit/jit_code.hpp"

namespace convjit {

class VectorGenerator : public Xbyak::CodeGenerator {
 public:
  std::vector<CodeNote> take_notes() { return std::move(notes_); }

 protected:
  // Emits into `buffer`, plain memory that is never executed: the code is
  // copied into executable memory when done (executable_memory.hpp).
  // Xbyak throws ERR_CODE_IS_TOO_BIG when it fills.
  VectorGenerator(std::span<uint8_t> buffer, DataType dt, int vlen);

  // Marks the start of a section of the code.
  void note(std::string text) { notes_.push_back({getSize(), std::move(text)}); }
  // index elements as a 32-bit displacement; throws Error naming "plan" when
  // it does not fit.
  int32_t disp(int64_t index) const;
  // lanes < vlen: only the first `lanes` lanes, through `mask` on AVX-512, or
  // the mask vector reloaded from a table on AVX2 (clobbers reg_tmp).
  template <class Vmm>
  void load(const Vmm& v, const Xbyak::Address& a, int lanes, const Xbyak::Opmask& mask);
  template <class Vmm>
  void store(const Xbyak::Address& a, const Vmm& v, int lanes, const Xbyak::Opmask& mask);
  template <class Vmm>
  void fma(const Vmm& acc, const Vmm& x, const Xbyak::Operand& w);
  template <class Vmm>
  void broadcast(const Vmm& v, const Xbyak::Address& a);
  // The mask register of AVX2 tails: the last of the 16.
  static Xbyak::Ymm mask_vec() { return Xbyak::Ymm(15); }

  const int bytes_;
  const int vlen_;
  const Xbyak::Reg64 reg_tmp = r14;

 private:
  void load_ymm_mask(int lanes);
  std::vector<CodeNote> notes_;
};

}  // namespace convjit
