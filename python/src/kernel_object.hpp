#pragma once
// convjit.Kernel: a compiled convolution held by Python. Runs share the
// kernel (the C++ Kernel is safe to run from many threads); bind() waits for
// them and they wait for it, so a rebind never races a run.
#include <pybind11/pybind11.h>

#include <memory>
#include <shared_mutex>

#include "convjit/engine.hpp"
#include "convjit/kernel.hpp"
#include "python/src/arg_types.hpp"

namespace convjit::python {

class KernelObject {
 public:
  KernelObject(std::shared_ptr<Engine> engine, std::unique_ptr<Kernel> kernel);

  const Kernel& kernel() const { return *kernel_; }
  bool bound() const {
    std::shared_lock lock(mutex_);
    return kernel_->bound();
  }
  void bind(ArrayArg weight, OptionalArrayArg bias);
  // kernel(input, out=None): the output array (`out` itself when given).
  pybind11::object call(ArrayArg input, OptionalArrayArg out) const;
  // One run over every tensor of `inputs`; the outputs in a list (`outs`
  // itself when given).
  pybind11::object run_ragged(ArraysArg inputs, OptionalArraysArg outs) const;

 private:
  std::shared_ptr<Engine> engine_;  // the kernel's code came from it
  std::unique_ptr<Kernel> kernel_;
  mutable std::shared_mutex mutex_;  // bind: exclusive; runs: shared
};

void register_kernel(pybind11::module_& m);

}  // namespace convjit::python
