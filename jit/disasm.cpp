#include "jit/disasm.hpp"

#include <Zydis/Zydis.h>

#include <cstdio>

namespace convjit {

std::string disassemble(const JitCode& code) {
  ZydisDecoder decoder;
  ZydisDecoderInit(&decoder, ZYDIS_MACHINE_MODE_LONG_64, ZYDIS_STACK_WIDTH_64);
  ZydisFormatter formatter;
  ZydisFormatterInit(&formatter, ZYDIS_FORMATTER_STYLE_INTEL);
  std::string out;
  const auto& notes = code.notes();
  std::size_t next_note = 0, offset = 0;
  ZydisDecodedInstruction insn;
  ZydisDecodedOperand operands[ZYDIS_MAX_OPERAND_COUNT];
  char text[256], line[320];
  while (offset < code.size()) {
    for (; next_note < notes.size() && notes[next_note].offset <= offset; ++next_note)
      out += "                ; " + notes[next_note].text + "\n";
    if (!ZYAN_SUCCESS(ZydisDecoderDecodeFull(&decoder, code.code() + offset, code.size() - offset,
                                             &insn, operands))) {
      std::snprintf(line, sizeof line, "%08zx  (undecodable byte %02x)\n", offset, code.code()[offset]);
      out += line;
      ++offset;
      continue;
    }
    ZydisFormatterFormatInstruction(&formatter, &insn, operands, insn.operand_count_visible, text,
                                    sizeof text, reinterpret_cast<ZyanU64>(code.code() + offset), nullptr);
    std::snprintf(line, sizeof line, "%08zx  %s\n", offset, text);
    out += line;
    offset += insn.length;
  }
  return out;
}

}  // namespace convjit
