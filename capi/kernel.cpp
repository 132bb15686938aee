// Kernels through the C ABI: pointers and element counts become the
// tensor views of the C++ API, checked first so that a short buffer is an
// error rather than an overrun.
#include <cstdint>
#include <string>
#include <vector>

#include "capi/handles.hpp"
#include "capi/status.hpp"

using convjit::capi::guarded;
using convjit::capi::require;

namespace {

using convjit::ConvDesc;
using convjit::Error;
using convjit::capi::NullPointer;

// As in the C++ API, names are built only to throw: a run allocates nothing.
template <class Name>
void check_elems(const Name& name, int64_t have, int64_t need) {
  if (have < need)
    throw Error(name(), name() + " holds " + std::to_string(have) + " elements; the kernel needs " +
                            std::to_string(need));
}

// One src/dst pair as the C++ API takes it. `prefix` is "" for a run,
// "pairs[i]." for a ragged one.
template <class Prefix>
convjit::TensorPair pair_of(const convjit::Kernel& kernel, const Prefix& prefix, int64_t batch,
                            const void* src, int64_t src_elems, void* dst, int64_t dst_elems) {
  auto batch_name = [&] { return prefix() + "batch"; };
  auto src_name = [&] { return prefix() + "src"; };
  auto dst_name = [&] { return prefix() + "dst"; };
  if (batch < 0)
    throw Error(batch_name(), batch_name() + "=" + std::to_string(batch) + " must be >= 0");
  // The counts the shapes give must be exact (no division on the run's path:
  // a 64-bit idiv was a third of this function's time).
  int64_t src_need = 0, dst_need = 0;
  if (__builtin_mul_overflow(batch, kernel.src_shape(1).elems(), &src_need) ||
      __builtin_mul_overflow(batch, kernel.dst_shape(1).elems(), &dst_need))
    throw Error(batch_name(), batch_name() + "=" + std::to_string(batch) +
                                  ": its element counts do not fit in 64 bits");
  // A batch of 0 touches no memory, so it may come without any (as in C++).
  if (batch > 0) {
    if (!src) throw NullPointer(src_name());
    if (!dst) throw NullPointer(dst_name());
  }
  check_elems(src_name, src_elems, src_need);
  check_elems(dst_name, dst_elems, dst_need);
  const convjit::DataType dt = kernel.desc().dt;
  return {{src, dt, kernel.src_shape(batch)}, {dst, dt, kernel.dst_shape(batch)}};
}

}  // namespace

extern "C" {

convjit_status convjit_kernel_create(convjit_engine* engine, const convjit_problem* problem,
                                     convjit_backend backend, convjit_kernel** kernel) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    require(kernel, "kernel");
    const ConvDesc desc = convjit::capi::to_desc(problem);
    const convjit::Backend b = convjit::capi::to_backend(backend);
    auto handle = std::make_unique<convjit_kernel>();
    handle->engine = engine->engine;
    handle->kernel = engine->engine->make_kernel(desc, b);
    handle->plan = handle->kernel->plan_str();
    *kernel = handle.release();
  });
}

void convjit_kernel_destroy(convjit_kernel* kernel) { delete kernel; }

convjit_status convjit_engine_warm_up(convjit_engine* engine, const convjit_problem* problems,
                                      size_t count) {
  return guarded(__func__, [&] {
    require(engine, "engine");
    if (count) require(problems, "problems");
    std::vector<ConvDesc> descs;
    for (size_t i = 0; i < count; ++i) {
      try {
        descs.push_back(convjit::capi::to_desc(&problems[i]));
      } catch (const convjit::Error& e) {
        throw convjit::Error(e.field(), "problems[" + std::to_string(i) + "]: " + e.what());
      }
    }
    engine->engine->warm_up(descs);
  });
}

convjit_status convjit_kernel_sizes(const convjit_kernel* kernel, convjit_sizes* sizes) {
  return guarded(__func__, [&] {
    require(kernel, "kernel");
    require(sizes, "sizes");
    const ConvDesc& d = kernel->kernel->desc();
    *sizes = {d.src_shape(1).elems(), d.dst_shape(1).elems(), d.wei_shape().elems(),
              d.post_ops.bias ? d.bias_shape().elems() : 0};
  });
}

convjit_status convjit_kernel_bind(convjit_kernel* kernel, const void* weights,
                                   int64_t weight_elems, const void* bias, int64_t bias_elems) {
  return guarded(__func__, [&] {
    require(kernel, "kernel");
    require(weights, "weights");
    const ConvDesc& d = kernel->kernel->desc();
    check_elems([] { return std::string("weights"); }, weight_elems, d.wei_shape().elems());
    convjit::ConstTensorView bias_view;
    if (d.post_ops.bias) {
      if (!bias)
        throw NullPointer("bias", "bias must not be NULL: the problem has CONVJIT_POST_BIAS");
      check_elems([] { return std::string("bias"); }, bias_elems, d.bias_shape().elems());
      bias_view = {bias, d.dt, d.bias_shape()};
    } else if (bias) {
      throw Error("bias", "bias must be NULL: the problem has no CONVJIT_POST_BIAS");
    }
    kernel->kernel->bind({weights, d.dt, d.wei_shape()}, bias_view);
  });
}

convjit_status convjit_kernel_run(const convjit_kernel* kernel, int64_t batch, const void* src,
                                  int64_t src_elems, void* dst, int64_t dst_elems) {
  return guarded(__func__, [&] {
    require(kernel, "kernel");
    const convjit::Kernel& k = *kernel->kernel;
    const convjit::TensorPair pair =
        pair_of(k, [] { return std::string(); }, batch, src, src_elems, dst, dst_elems);
    k.run(pair.src, pair.dst);
  });
}

convjit_status convjit_kernel_run_ragged(const convjit_kernel* kernel,
                                         const convjit_tensor_pair* pairs, size_t count) {
  return guarded(__func__, [&] {
    require(kernel, "kernel");
    if (count > 0) require(pairs, "pairs");
    // Per thread and only ever grown: after a thread's largest call, the
    // conversion allocates nothing (a run's path must not).
    thread_local std::vector<convjit::TensorPair> converted;
    if (count > converted.max_size())
      throw Error("count", "count=" + std::to_string(count) + " is more pairs than memory holds");
    converted.clear();
    converted.reserve(count);
    const convjit::Kernel& k = *kernel->kernel;
    for (size_t i = 0; i < count; ++i) {
      const convjit_tensor_pair& p = pairs[i];
      auto prefix = [i] { return "pairs[" + std::to_string(i) + "]."; };
      converted.push_back(
          pair_of(k, prefix, p.batch, p.src, p.src_elems, p.dst, p.dst_elems));
    }
    k.run_ragged(converted);
  });
}

convjit_status convjit_kernel_plan(const convjit_kernel* kernel, const char** plan) {
  return guarded(__func__, [&] {
    require(kernel, "kernel");
    require(plan, "plan");
    *plan = kernel->plan.c_str();
  });
}

convjit_status convjit_kernel_disassembly(const convjit_kernel* kernel, const char** text) {
  return guarded(__func__, [&] {
    require(kernel, "kernel");
    require(text, "text");
    // call_once: concurrent first calls disassemble once; a throw leaves it to the next.
    std::call_once(kernel->disassembled,
                   [&] { kernel->disassembly = kernel->kernel->disassembly(); });
    *text = kernel->disassembly.c_str();
  });
}

convjit_status convjit_kernel_code(const convjit_kernel* kernel, const uint8_t** code,
                                   size_t* size) {
  return guarded(__func__, [&] {
    require(kernel, "kernel");
    require(code, "code");
    require(size, "size");
    const std::span<const uint8_t> bytes = kernel->kernel->code();
    *code = bytes.empty() ? nullptr : bytes.data();
    *size = bytes.size();
  });
}

}  // extern "C"
