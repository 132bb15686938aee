#include "python/src/functional.hpp"

#include <pybind11/numpy.h>

#include <array>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <vector>

#include "convjit/engine.hpp"
#include "python/src/arg_types.hpp"
#include "python/src/conv_args.hpp"
#include "python/src/errors.hpp"
#include "python/src/tensor_arg.hpp"
#include "python/src/tensor_checks.hpp"
#include "python/src/threads.hpp"

namespace py = pybind11;

namespace convjit::python {
namespace {

// Everything a kernel depends on but the batch, as plain integers.
using Key = std::array<int64_t, 32>;

struct KeyHash {
  size_t operator()(const Key& k) const noexcept {
    uint64_t h = 1469598103934665603ull;  // FNV-1a over the values
    for (int64_t v : k) h = (h ^ static_cast<uint64_t>(v)) * 1099511628211ull;
    return h;
  }
};

Key make_key(const TensorArg& in, const TensorArg& w, const AxisArgs& a, Layout layout,
             bool bias, bool relu) {
  Key k{};
  size_t n = 0;
  auto put = [&](int64_t v) { k[n++] = v; };
  put(static_cast<int64_t>(in.dt));
  put(static_cast<int64_t>(layout));
  put(bias);
  put(relu);
  put(a.nd);
  put(a.same);
  put(a.groups);
  for (int i = 0; i < 3; ++i) {
    put(a.stride[i]);
    put(a.dilation[i]);
    put(a.front[i]);
    put(a.back[i]);
  }
  for (int d = 1; d < in.shape.nd; ++d) put(in.shape.dim[d]);  // 2 + nd dims
  for (int d = 0; d < w.shape.nd; ++d) put(w.shape.dim[d]);
  put(w.shape.nd);  // with a.nd, tells where the input's dims end
  return k;
}

// A kernel of the cache and the bytes of the weights and bias it holds:
// binding packs the weights and allocates, which costs a small problem
// more than the convolution, so a call whose weights are byte for byte the
// kernel's already skips it.
struct Pooled {
  std::unique_ptr<Kernel> kernel;
  std::vector<unsigned char> weights, bias;

  void bind(const ConstTensorView& w, const ConstTensorView& b) {
    const auto* wp = static_cast<const unsigned char*>(w.data);
    const auto* bp = static_cast<const unsigned char*>(b.data);
    const size_t wn = w.data ? w.shape.elems() * size_of(w.dt) : 0;
    const size_t bn = b.data ? b.shape.elems() * size_of(b.dt) : 0;
    if (kernel->bound() && same_bytes(weights, wp, wn) && same_bytes(bias, bp, bn)) return;
    weights.clear();  // a failed bind leaves the kernel to be bound again
    kernel->bind(w, b);
    weights.assign(wp, wp + wn);
    bias.assign(bp, bp + bn);
  }

 private:
  static bool same_bytes(const std::vector<unsigned char>& held, const unsigned char* p, size_t n) {
    return held.size() == n && (n == 0 || std::memcmp(held.data(), p, n) == 0);
  }
};

// The kernels of one key: idle ones wait in `idle`; a call takes one and
// puts it back, so concurrent calls on one shape each bind their own weights.
struct Entry {
  std::shared_ptr<Engine> engine;
  ConvDesc desc;
  Shape src_image, dst_image;
  std::vector<Pooled> idle;  // room for every kernel made: a return never allocates
  size_t made = 0;
};

// The engine behind conv() and its cache. Read and changed only with the
// GIL held; a call holds its entry (and through it the engine) while it
// runs without the GIL, so set_num_threads() and clear_cache() are safe at
// any time.
struct State {
  std::shared_ptr<Engine> engine;
  int threads = 0;  // 0 until set: every CPU available
  std::unordered_map<Key, std::shared_ptr<Entry>, KeyHash> entries;
};

State& state() {
  static State* s = new State;  // never destroyed: kernels must not die after Python
  return *s;
}

std::shared_ptr<Engine> engine() {
  State& s = state();
  if (!s.engine) {
    EngineOptions o;
    o.threads = s.threads > 0 ? s.threads : available_cpus();
    s.engine = std::make_shared<Engine>(std::move(o));
  }
  return s.engine;
}

// Returns its kernel to the entry when the call ends, however it ends.
class Lease {
 public:
  Lease(std::shared_ptr<Entry> entry, Pooled pooled)
      : entry_(std::move(entry)), pooled_(std::move(pooled)) {}
  ~Lease() { entry_->idle.push_back(std::move(pooled_)); }  // within the room reserved
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  Pooled& pooled() { return pooled_; }

 private:
  std::shared_ptr<Entry> entry_;
  Pooled pooled_;
};

std::shared_ptr<Entry> entry_for(const Key& key, const TensorArg& in, const TensorArg& w,
                                 const AxisArgs& args, Layout layout, bool bias, bool relu) {
  State& s = state();
  if (auto it = s.entries.find(key); it != s.entries.end()) return it->second;
  auto entry = std::make_shared<Entry>();
  entry->engine = engine();
  entry->desc = conv_desc(in.shape, w.shape, args, layout, in.dt, {bias, relu});
  entry->src_image = entry->desc.src_shape(1);
  entry->dst_image = entry->desc.dst_shape(1);
  {
    // The first kernel is compiled without the GIL; another thread may have
    // made the same entry meanwhile, and then that one is kept.
    py::gil_scoped_release nogil;
    entry->idle.push_back({entry->engine->make_kernel(entry->desc)});
  }
  entry->made = 1;
  return s.entries.try_emplace(key, std::move(entry)).first->second;
}

Lease lease(std::shared_ptr<Entry> entry) {
  if (!entry->idle.empty()) {
    Pooled pooled = std::move(entry->idle.back());
    entry->idle.pop_back();
    return {std::move(entry), std::move(pooled)};
  }
  Pooled pooled;
  {
    py::gil_scoped_release nogil;  // the code is cached; packing and scratch are not
    pooled.kernel = entry->engine->make_kernel(entry->desc);
  }
  entry->idle.reserve(++entry->made);
  return {std::move(entry), std::move(pooled)};
}

py::object conv(ArrayArg input_arg, ArrayArg weight_arg, OptionalArrayArg bias_arg,
                AxisArg stride, PaddingArg padding, AxisArg dilation, IntArg groups, bool relu,
                StrArg layout_arg, OptionalArrayArg out_arg) {
  const py::handle input = input_arg.h, weight = weight_arg.h, bias = bias_arg.h, out = out_arg.h;
  const TensorArg in = tensor_arg(input, {"input"}, Access::read);
  const TensorArg w = tensor_arg(weight, {"weight"}, Access::read);
  const bool has_bias = !bias.is_none();
  TensorArg b;
  if (has_bias) b = tensor_arg(bias, {"bias"}, Access::read);
  const int nd = spatial_axes(in.shape, "input");
  const Layout l = parse_plain_layout(layout_arg.h);
  const AxisArgs args = parse_axis_args(nd, stride.h, padding.h, dilation.h, groups.h);
  if (w.dt != in.dt)
    arg_error("weight", "data type " + std::string(dtype_name(w.dt)) + " does not match the input's " +
                            std::string(dtype_name(in.dt)));
  if (w.shape.nd != in.shape.nd)  // before the key, which holds the weight's dims
    arg_error("weight", "shape " + shape_text(w.shape) + " has " + std::to_string(w.shape.nd) +
                            " dimensions; the input's " + shape_text(in.shape) + " needs " +
                            std::to_string(in.shape.nd));

  const Key key = make_key(in, w, args, l, has_bias, relu);
  std::shared_ptr<Entry> entry = entry_for(key, in, w, args, l, has_bias, relu);
  const ConvDesc& desc = entry->desc;
  const ConstTensorView wv = weight_view(desc, w), bv = bias_view(desc, b, has_bias);
  const int64_t batch = in.shape.dim[0];
  Shape dst_shape = entry->dst_image;
  dst_shape.dim[0] = batch;

  py::object result;
  TensorArg o;  // held to the end: a DLPack capsule keeps its tensor's memory
  if (out.is_none()) {
    py::array a = empty_array(in.dt, dst_shape);
    o.data = a.mutable_data();
    result = std::move(a);
  } else {
    o = tensor_arg(out, {"out"}, Access::write);
    check_output(o, dst_shape, in.dt, {"out"});
    result = py::reinterpret_borrow<py::object>(out);
  }
  Lease leased = lease(std::move(entry));
  {
    py::gil_scoped_release nogil;
    leased.pooled().bind(wv, bv);
    leased.pooled().kernel->run({in.data, in.dt, in.shape}, {o.data, in.dt, dst_shape});
  }
  return result;
}

constexpr const char* kConvDoc = R"(Convolution with PyTorch's arguments and semantics (cross-correlation, as
torch.nn.functional.conv1d/2d/3d): returns a new NumPy array, or writes
into ``out`` and returns it.

input: [N, C, *spatial] (layout "ncx") or [N, *spatial, C] ("nxc"); 1 to 3
    spatial axes, from input.ndim (3, 4 or 5). float32 or float64.
weight: [OC, C / groups, *kernel] in both layouts, input's data type.
bias: None, or [OC].
stride, dilation: an int or one per spatial axis; dilation 1 is dense.
padding: an int, one per axis, a (front, back) pair per axis, "valid" (0)
    or "same" (stride 1 only; an odd total puts the extra at the back, as
    PyTorch does).
groups: input and output channels split into groups (groups == C == OC:
    depthwise).
relu: max(x, 0) after the bias, fused into the kernel.
layout: "ncx" (also "ncw", "nchw", "ncdhw") or "nxc" ("nwc", "nhwc", "ndhwc")
    for channels-last input and output.
out: a C-contiguous, writable tensor of the output's shape and data type.

Tensors may be NumPy arrays, objects with the buffer protocol, or __dlpack__
tensors (PyTorch CPU tensors); C-contiguous, element-aligned ones are read
in place, others copied once. The kernel for these shapes and arguments is
compiled on the first call and kept (any batch size reuses it); the weights
are bound (packed) again whenever their bytes differ from the last call's.
The GIL is released while it runs. Errors raise convjit.Error naming the
argument.)";

}  // namespace

void register_functional(py::module_& m) {
  m.def("conv", &conv, py::arg("input"), py::arg("weight"), py::arg("bias") = py::none(),
        py::arg("stride") = 1, py::arg("padding") = 0, py::arg("dilation") = 1,
        py::arg("groups") = 1, py::arg("relu") = false, py::arg("layout") = "ncx",
        py::arg("out") = py::none(), kConvDoc);
  m.def("set_num_threads",
        [](OptionalIntArg threads) {
          State& s = state();
          s.threads = thread_count(threads.h, "threads");
          s.engine.reset();
          s.entries.clear();
        },
        py::arg("threads"),
        "Threads conv() runs on from now on (None or 0: every CPU this process may\n"
        "run on, the default). Drops conv()'s cached kernels: they were compiled\n"
        "for the old count.");
  m.def("get_num_threads", [] { return engine()->threads(); }, "Threads conv() runs on.");
  m.def("clear_cache", [] { state().entries.clear(); state().engine.reset(); },
        "Drops every kernel conv() has cached, and the code compiled for them.");
  m.def("cache_size", [] { return state().entries.size(); },
        "How many shapes conv() has compiled kernels for.");
}

}  // namespace convjit::python
