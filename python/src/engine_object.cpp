#include "python/src/engine_object.hpp"

#include <memory>
#include <string>

#include "convjit/engine.hpp"
#include "python/src/arg_types.hpp"
#include "python/src/conv_args.hpp"
#include "python/src/errors.hpp"
#include "python/src/kernel_object.hpp"
#include "python/src/threads.hpp"

namespace py = pybind11;

namespace convjit::python {
namespace {

struct EngineObject {
  std::shared_ptr<Engine> engine;
};

std::string path_arg(py::handle path, const char* field) {
  try {
    return py::str(py::module_::import("os").attr("fspath")(path));
  } catch (py::error_already_set&) {
    arg_error(field, "expected a str or os.PathLike, got " + short_repr(path));
  }
}

std::string optional_str(py::handle value, const char* field) {
  if (value.is_none()) return {};
  if (!PyUnicode_Check(value.ptr())) arg_error(field, "expected a str, got " + short_repr(value));
  return py::str(value);
}

// A descriptor gives every size itself: an argument that would change one
// is refused rather than ignored.
void refuse_with_descriptor(py::handle value, const char* field, int64_t default_value) {
  int overflow = 0;
  if (PyLong_Check(value.ptr()) && !PyBool_Check(value.ptr()) &&
      PyLong_AsLongLongAndOverflow(value.ptr(), &overflow) == default_value && !overflow)
    return;
  arg_error(field, "cannot be given with a descriptor, which says it itself");
}

// The problem of Engine.kernel() and Engine.tune(): a descriptor string, or
// shapes as convjit.conv() would see them.
struct ProblemArgs {
  py::object problem, weight_shape, stride, padding, dilation, groups;
  bool bias = false, relu = false;
  py::object layout, dtype, post_ops, algorithm;

  ConvDesc desc() const {
    PostOps post{bias, relu};
    if (!post_ops.is_none()) {
      const PostOps more = parse_post_ops(optional_str(post_ops, "post_ops"), "post_ops");
      post = {post.bias || more.bias, post.relu || more.relu};
    }
    const DataType dt = parse_dtype(dtype);
    if (!PyUnicode_Check(algorithm.ptr()))
      arg_error("algorithm", "expected a str, got " + short_repr(algorithm));
    const Algorithm how = parse_algorithm(py::str(algorithm).cast<std::string>(), "algorithm");
    if (PyUnicode_Check(problem.ptr())) {
      if (!weight_shape.is_none())
        arg_error("weight_shape", "cannot be given with a descriptor, which says it itself");
      refuse_with_descriptor(stride, "stride", 1);
      refuse_with_descriptor(padding, "padding", 0);
      refuse_with_descriptor(dilation, "dilation", 1);
      refuse_with_descriptor(groups, "groups", 1);
      ConvDesc d = ConvDesc::parse(problem.cast<std::string>());
      d.dt = dt;
      d.layout = parse_any_layout(layout);
      d.post_ops = post;
      d.algorithm = how;
      return d;
    }
    const Shape input = parse_shape(problem, "input_shape");
    if (weight_shape.is_none())
      arg_error("weight_shape", "missing: give it after input_shape, or give a descriptor string");
    const Shape weight = parse_shape(weight_shape, "weight_shape");
    const int nd = spatial_axes(input, "input_shape");
    ConvDesc d = conv_desc(input, weight, parse_axis_args(nd, stride, padding, dilation, groups),
                           parse_plain_layout(layout), dt, post);
    d.algorithm = how;
    return d;
  }
};

ProblemArgs problem_args(ProblemArg problem, OptionalShapeArg weight_shape, AxisArg stride,
                         PaddingArg padding, AxisArg dilation, IntArg groups, bool bias, bool relu,
                         StrArg layout, DtypeArg dtype, OptionalStrArg post_ops, StrArg algorithm) {
  auto object = [](py::handle h) { return py::reinterpret_borrow<py::object>(h); };
  return {object(problem.h), object(weight_shape.h), object(stride.h), object(padding.h),
          object(dilation.h), object(groups.h), bias, relu, object(layout.h), object(dtype.h),
          object(post_ops.h), object(algorithm.h)};
}

constexpr const char* kProblemDoc = R"(The problem is either

* shapes, as convjit.conv() would see them: ``input_shape`` [N, C, *spatial]
  (layout "ncx") or [N, *spatial, C] ("nxc"), ``weight_shape`` [OC, C / groups,
  *kernel], and stride, padding, dilation, groups as in convjit.conv(); the
  batch N is only a default, any batch runs; or
* a benchdnn descriptor string, "mb1ic3ih32oc10kh2sh2" (problems/README.md
  has the grammar; dilation there is 0-based), which then gives every size:
  weight_shape, stride, padding, dilation and groups must stay unset.

``bias`` and ``relu`` (or ``post_ops``, "bias", "relu" or "bias,relu") add
the post-ops; ``dtype`` is "float32" or "float64" (or a NumPy dtype);
``layout`` "ncx" or "nxc" (and, with a descriptor, "nCx8c" or "nCx16c").
``algorithm``: "direct" (every strategy but Winograd's; exact but for the
order of its sums), "winograd" (2D 3x3 stride-1 undilated convolutions
only, else convjit.Error saying why; fewer multiplications, in float32 an
error up to about 2e-5 of the largest output), "winograd_2x2" (the
accurate Winograd, F(2x2, 3x3) only: more multiplications than
"winograd", a fifth to a seventh of its error, less than direct
convolution's on ResNet and VGG layers) or "fastest" (whichever applies
and is fastest).)";

std::unique_ptr<KernelObject> make_kernel(EngineObject& self, const ProblemArgs& args, py::handle backend) {
  if (!PyUnicode_Check(backend.ptr())) arg_error("backend", "expected a str, got " + short_repr(backend));
  const ConvDesc desc = args.desc();
  const Backend b = parse_backend(optional_str(backend, "backend"), "backend");
  std::unique_ptr<Kernel> kernel;
  {
    py::gil_scoped_release nogil;
    kernel = self.engine->make_kernel(desc, b);
  }
  return std::make_unique<KernelObject>(self.engine, std::move(kernel));
}

TuneResult tune(EngineObject& self, const ProblemArgs& args, py::handle effort, py::handle budget) {
  if (!PyUnicode_Check(effort.ptr())) arg_error("effort", "expected a str, got " + short_repr(effort));
  const ConvDesc desc = args.desc();
  TuneOptions options;
  options.effort = parse_effort(optional_str(effort, "effort"), "effort");
  if (!budget.is_none()) {
    options.budget_s = PyFloat_AsDouble(budget.ptr());
    if (options.budget_s == -1 && PyErr_Occurred()) {
      PyErr_Clear();
      arg_error("budget", "expected a number of seconds, got " + short_repr(budget));
    }
    if (!(options.budget_s > 0)) arg_error("budget", "must be a positive number of seconds");
  }
  py::gil_scoped_release nogil;
  return self.engine->tune(desc, options);
}

}  // namespace

void register_engine(py::module_& m) {
  py::class_<TuneResult>(m, "TuneResult", "What Engine.tune() found for one problem.")
      .def_readonly("plan", &TuneResult::plan, "The chosen plan, on one line.")
      .def_readonly("heuristic_plan", &TuneResult::heuristic_plan, "The planner's pick without measuring.")
      .def_readonly("time_s", &TuneResult::time_s, "Minimum seconds per run of `plan` (0: not measured).")
      .def_readonly("heuristic_s", &TuneResult::heuristic_s, "The same for the heuristic plan.")
      .def_property_readonly("effort", [](const TuneResult& r) { return std::string(to_string(r.effort)); },
                             "The effort that found `plan`.")
      .def_readonly("candidates", &TuneResult::candidates, "Legal plans for the problem.")
      .def_readonly("measured", &TuneResult::measured, "Candidates checked against the interpreter and timed.")
      .def_readonly("failed", &TuneResult::failed, "Candidates that differed from the interpreter (bugs).")
      .def_readonly("from_wisdom", &TuneResult::from_wisdom, "The wisdom answered; nothing was measured.")
      .def("__repr__", [](const TuneResult& r) {
        return "<convjit.TuneResult plan " + r.plan + " (" + std::to_string(r.measured) + " of " +
               std::to_string(r.candidates) + " measured)>";
      });

  const std::string kernel_doc = std::string(R"(Makes a kernel: compiles it for this CPU, or takes the code from the
engine's cache. Bind its weights with Kernel.bind(), then call it.

)") + kProblemDoc + R"(

``backend``: "auto" (the JIT, or the interpreter on a CPU without AVX2),
"jit", "interp" or "reference".)";
  const std::string tune_doc = std::string(R"(Measures the fastest plan for the problem on this CPU (unless the
wisdom already answers at this effort or more) and keeps it in the engine's
wisdom, so kernel() uses it from then on; save_wisdom() writes it out.
``effort``: "estimate", "measure" (about a second), "patient" (about ten) or
"exhaustive"; ``budget``: seconds instead of the effort's. The GIL is released
meanwhile.

)") + kProblemDoc;

  py::class_<EngineObject>(m, "Engine", R"(CPU detection, a thread count, a cache of compiled code and the wisdom
of tuned plans; it makes Kernel objects.

``threads``: threads each kernel runs on (None or 0: every CPU this process
may run on). ``max_isa``:
"avx512", "avx2" or "scalar" caps the instruction set (None: the
CONVJIT_MAX_ISA environment variable, or no cap). ``wisdom``: a wisdom file of
tuned plans to load, and save_wisdom()'s default (None: CONVJIT_WISDOM, or
none). ``flush_denormals``: FTZ and DAZ while kernels run (README, Denormals).)")
      .def(py::init([](OptionalIntArg threads, OptionalStrArg max_isa, OptionalPathArg wisdom,
                       bool flush_denormals) {
             EngineOptions o;
             o.threads = thread_count(threads.h, "threads");
             o.max_isa = optional_str(max_isa.h, "max_isa");
             if (!o.max_isa.empty()) parse_isa(o.max_isa, "max_isa");
             if (!wisdom.h.is_none()) o.wisdom_path = path_arg(wisdom.h, "wisdom");
             o.flush_denormals = flush_denormals;
             return EngineObject{std::make_shared<Engine>(std::move(o))};
           }),
           py::arg("threads") = py::none(), py::arg("max_isa") = py::none(),
           py::arg("wisdom") = py::none(), py::arg("flush_denormals") = false)
      .def("kernel",
           [](EngineObject& self, ProblemArg problem, OptionalShapeArg weight_shape, AxisArg stride,
              PaddingArg padding, AxisArg dilation, IntArg groups, bool bias, bool relu,
              StrArg layout, DtypeArg dtype, OptionalStrArg post_ops, StrArg algorithm,
              StrArg backend) {
             return make_kernel(self, problem_args(problem, weight_shape, stride, padding, dilation,
                                                   groups, bias, relu, layout, dtype, post_ops,
                                                   algorithm),
                                backend.h);
           },
           py::arg("problem"), py::arg("weight_shape") = py::none(), py::arg("stride") = 1,
           py::arg("padding") = 0, py::arg("dilation") = 1, py::arg("groups") = 1,
           py::arg("bias") = false, py::arg("relu") = false, py::arg("layout") = "ncx",
           py::arg("dtype") = "float32", py::kw_only(), py::arg("post_ops") = py::none(),
           py::arg("algorithm") = "direct", py::arg("backend") = "auto", kernel_doc.c_str())
      .def("tune",
           [](EngineObject& self, ProblemArg problem, OptionalShapeArg weight_shape, AxisArg stride,
              PaddingArg padding, AxisArg dilation, IntArg groups, bool bias, bool relu,
              StrArg layout, DtypeArg dtype, OptionalStrArg post_ops, StrArg algorithm,
              StrArg effort, OptionalFloatArg budget) {
             return tune(self, problem_args(problem, weight_shape, stride, padding, dilation, groups,
                                            bias, relu, layout, dtype, post_ops, algorithm),
                         effort.h, budget.h);
           },
           py::arg("problem"), py::arg("weight_shape") = py::none(), py::arg("stride") = 1,
           py::arg("padding") = 0, py::arg("dilation") = 1, py::arg("groups") = 1,
           py::arg("bias") = false, py::arg("relu") = false, py::arg("layout") = "ncx",
           py::arg("dtype") = "float32", py::kw_only(), py::arg("post_ops") = py::none(),
           py::arg("algorithm") = "direct", py::arg("effort") = "measure",
           py::arg("budget") = py::none(), tune_doc.c_str())
      .def("save_wisdom",
           [](EngineObject& self, OptionalPathArg path) {
             const std::string p = path.h.is_none() ? std::string() : path_arg(path.h, "path");
             py::gil_scoped_release nogil;
             return self.engine->save_wisdom(p);
           },
           py::arg("path") = py::none(),
           R"(Writes the engine's wisdom, merged with what the file holds, through a
temporary file and a rename. ``path`` None: the engine's ``wisdom`` file (or
CONVJIT_WISDOM). False, with a warning on stderr, when it cannot.)")
      .def("load_wisdom",
           [](EngineObject& self, PathArg path) {
             const std::string p = path_arg(path.h, "path");
             py::gil_scoped_release nogil;
             return self.engine->load_wisdom(p);
           },
           py::arg("path"),
           R"(Merges a wisdom file into the engine's. False when it does not exist, or
(with a warning saying why) when it is stale, foreign, truncated or corrupt.)")
      .def_property_readonly("threads", [](const EngineObject& self) { return self.engine->threads(); },
                             "Threads each kernel runs on.")
      .def_property_readonly("isa", [](const EngineObject& self) { return std::string(to_string(self.engine->cpu().isa)); },
                             "The instruction set kernels use: 'avx512', 'avx2' or 'scalar'.")
      .def_property_readonly("cpu", [](const EngineObject& self) { return self.engine->cpu().str(); },
                             "The CPU as convjit sees it, on one line.")
      .def_property_readonly("stats", [](const EngineObject& self) {
             const EngineStats s = self.engine->stats();
             py::dict d;
             d["compiled"] = s.compiled;
             d["reused"] = s.reused;
             d["jit_seconds"] = s.jit_seconds;
             return d;
           }, "The code cache so far: {'compiled', 'reused', 'jit_seconds'}.")
      .def("__repr__", [](const EngineObject& self) {
        return "<convjit.Engine isa " + std::string(to_string(self.engine->cpu().isa)) + " threads " +
               std::to_string(self.engine->threads()) + ">";
      });
}

}  // namespace convjit::python
