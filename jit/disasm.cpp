#include "jit/disasm.hpp"

#include <Zydis/Zydis.h>

#include <cstdio>

namespace convjit {
namespace {

ZydisFormatter intel_formatter() {
  ZydisFormatter f;
  ZydisFormatterInit(&f, ZYDIS_FORMATTER_STYLE_INTEL);
  // Branch targets are printed as code offsets, in the same form as the
  // offsets at the start of each line, so a jump can be followed by eye.
  ZydisFormatterSetProperty(&f, ZYDIS_FORMATTER_PROP_ADDR_PADDING_ABSOLUTE, 8);
  ZydisFormatterSetProperty(&f, ZYDIS_FORMATTER_PROP_HEX_UPPERCASE, ZYAN_FALSE);
  return f;
}

void append_note(std::string& out, const CodeNote& note, const char* where = "") {
  out += "                ; ";
  out += note.text;
  out += where;
  out += '\n';
}

}  // namespace

std::string disassemble(const JitCode& code) {
  ZydisDecoder decoder;
  ZydisDecoderInit(&decoder, ZYDIS_MACHINE_MODE_LONG_64, ZYDIS_STACK_WIDTH_64);
  const ZydisFormatter formatter = intel_formatter();
  std::string out;
  const auto& notes = code.notes();
  std::size_t next_note = 0, offset = 0;
  ZydisDecodedInstruction insn;
  ZydisDecodedOperand operands[ZYDIS_MAX_OPERAND_COUNT];
  char text[256], line[320];
  while (offset < code.size()) {
    // A note the emitter placed inside an instruction is an emitter bug;
    // it is shown, flagged, rather than silently moved.
    for (; next_note < notes.size() && notes[next_note].offset <= offset; ++next_note)
      append_note(out, notes[next_note],
                  notes[next_note].offset < offset ? " (note inside the previous instruction)" : "");
    if (!ZYAN_SUCCESS(ZydisDecoderDecodeFull(&decoder, code.code() + offset, code.size() - offset,
                                             &insn, operands))) {
      std::snprintf(line, sizeof line, "%08zx  (undecodable byte %02x)\n", offset, code.code()[offset]);
      out += line;
      ++offset;
      continue;
    }
    ZydisFormatterFormatInstruction(&formatter, &insn, operands, insn.operand_count_visible, text,
                                    sizeof text, offset, nullptr);
    std::snprintf(line, sizeof line, "%08zx  %s\n", offset, text);
    out += line;
    offset += insn.length;
  }
  for (; next_note < notes.size(); ++next_note)
    append_note(out, notes[next_note], " (note past the end of the code)");
  return out;
}

}  // namespace convjit
