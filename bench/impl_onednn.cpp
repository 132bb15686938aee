// oneDNN (2.x) convolution_forward, forward_inference, convolution_direct,
// in two ways, and convolution_winograd in the first (on request):
// - "any": format_tag::any for src, weights and dst, so oneDNN picks its
//   blocked layouts (nChw16c, ...); the reorders of src in and dst out happen
//   in load/store, outside the timing, as a network keeps activations in the
//   blocked layout from layer to layer;
// - "nchw": the plain layouts (ncw/nchw/ncdhw, weights oihw or goihw), the
//   user's own memory, no reorder anywhere.
// Weights are reordered (any) once in prepare. Primitive creation is timed
// there: cold (primitive desc and primitive, the first time in this process)
// and cached (the primitive again from the same primitive desc: oneDNN's
// primitive cache). A problem cut into pieces of several batch sizes gets
// one primitive per batch size, all made in prepare.
#include <oneapi/dnnl/dnnl.hpp>

#include <chrono>
#include <cstring>
#include <map>
#include <unordered_map>

#include "bench/impl.hpp"

namespace convjit::bench {
namespace {

using dnnl::memory;
using tag = memory::format_tag;

memory::dims spatial(const ConvDesc& c, const std::array<int64_t, 3>& v, int64_t add = 0) {
  memory::dims out;
  for (int a = c.first_axis(); a < 3; ++a) out.push_back(v[a] + add);
  return out;
}

memory::dims concat(memory::dims head, const memory::dims& tail) {
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

tag act_tag(int ndims) { return ndims == 1 ? tag::ncw : ndims == 2 ? tag::nchw : tag::ncdhw; }
tag wei_tag(int ndims, bool grouped) {
  if (grouped) return ndims == 1 ? tag::goiw : ndims == 2 ? tag::goihw : tag::goidhw;
  return ndims == 1 ? tag::oiw : ndims == 2 ? tag::oihw : tag::oidhw;
}

class OnednnImpl final : public Impl {
 public:
  OnednnImpl(bool any, dnnl::algorithm algorithm) : any_(any), algorithm_(algorithm) {}

  void prepare(const Setup& s) override {
    const ConvDesc& c = s.problem.desc;
    if (c.dt != DataType::f32) throw NotApplicable("oneDNN 2.x has no f64 convolution");
    if (c.layout != Layout::ncx) throw NotApplicable("ncx only");
    problem_ = &s.problem;
    const auto dt = memory::data_type::f32;
    const bool grouped = c.g > 1;
    const memory::dims wei_dims =
        grouped ? concat({c.g, c.ocg(), c.icg()}, spatial(c, c.k)) : concat({c.oc, c.ic}, spatial(c, c.k));
    const memory::dims strides = spatial(c, c.s), dilates = spatial(c, c.d);
    const memory::dims pad_l = spatial(c, c.p), pad_r = spatial(c, c.pb);

    // One primitive per batch size, in the order the pieces first need them.
    bool first = true;
    for (const Piece& p : s.problem.pieces) {
      if (prims_.count(p.batch)) continue;
      const memory::desc src_md(concat({p.batch, c.ic}, spatial(c, c.i)), dt,
                                any_ ? tag::any : act_tag(c.ndims));
      const memory::desc dst_md(concat({p.batch, c.oc}, spatial(c, c.o)), dt,
                                any_ ? tag::any : act_tag(c.ndims));
      const memory::desc wei_md(wei_dims, dt, any_ ? tag::any : wei_tag(c.ndims, grouped));
      auto start = std::chrono::steady_clock::now();
      const dnnl::convolution_forward::desc desc(
          dnnl::prop_kind::forward_inference, algorithm_, src_md, wei_md,
          dst_md, strides, dilates, pad_l, pad_r);
      Prim prim;
      prim.pd = dnnl::convolution_forward::primitive_desc(desc, engine_);
      prim.conv = dnnl::convolution_forward(prim.pd);
      if (first) {
        create_cold_s = seconds_since(start);
        double cached = 0;
        prim.conv = least_cached_creation([&] { return dnnl::convolution_forward(prim.pd); }, cached);
        create_cached_s = cached;
        note = prim.pd.impl_info_str();
        // Weights: the user's plain memory, reordered once where oneDNN wants another layout.
        memory user_wei({wei_dims, dt, wei_tag(c.ndims, grouped)}, engine_,
                              const_cast<void*>(s.wei.data()));
        if (prim.pd.weights_desc() == user_wei.get_desc()) {
          wei_ = user_wei;
        } else {
          wei_ = memory(prim.pd.weights_desc(), engine_);
          dnnl::reorder(user_wei, wei_).execute(stream_, user_wei, wei_);
          stream_.wait();
          note += " (weights reordered)";
        }
        first = false;
      }
      prims_.emplace(p.batch, std::move(prim));
    }

    // Per slot and piece: src and dst memories and the argument map.
    const std::size_t esize = sizeof(float);
    slots_.resize(static_cast<std::size_t>(s.slots));
    if (!any_) {
      // Plain: the memories view one arena of slots, src then dst.
      slot_bytes_ = round_up(problem_->src_elems() * esize) + round_up(problem_->dst_elems() * esize);
      arena_ = Buffer(DataType::f32, Shape{1, {slot_bytes_ * s.slots / 4}});
    }
    for (int slot = 0; slot < s.slots; ++slot) {
      char* base = any_ ? nullptr : arena_.as<char>() + slot * slot_bytes_;
      for (const Piece& p : s.problem.pieces) {
        const Prim& prim = prims_.at(p.batch);
        Args a;
        if (any_) {
          a.src = memory(prim.pd.src_desc(), engine_);
          a.dst = memory(prim.pd.dst_desc(), engine_);
        } else {
          a.src = memory(prim.pd.src_desc(), engine_, base + p.src_offset * esize);
          a.dst = memory(prim.pd.dst_desc(), engine_,
                         base + round_up(problem_->src_elems() * esize) + p.dst_offset * esize);
        }
        a.args = {{DNNL_ARG_SRC, a.src}, {DNNL_ARG_WEIGHTS, wei_}, {DNNL_ARG_DST, a.dst}};
        a.conv = &prim.conv;
        slots_[slot].push_back(std::move(a));
      }
    }
  }

  void load(int slot, const Buffer& src) override {
    const ConvDesc& c = problem_->desc;
    auto& pieces = problem_->pieces;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      Args& a = slots_[slot][i];
      memory user(plain_md(c, pieces[i].batch, c.ic, c.i), engine_,
                        const_cast<float*>(src.as<float>()) + pieces[i].src_offset);
      dnnl::reorder(user, a.src).execute(stream_, user, a.src);
      std::memset(a.dst.get_data_handle(), 0xFF, a.dst.get_desc().get_size());
    }
    stream_.wait();
  }

  void run(int slot) override {
    for (Args& a : slots_[slot]) a.conv->execute(stream_, a.args);
    stream_.wait();
  }

  void store(int slot, Buffer& dst) override {
    const ConvDesc& c = problem_->desc;
    auto& pieces = problem_->pieces;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      Args& a = slots_[slot][i];
      memory user(plain_md(c, pieces[i].batch, c.oc, c.o), engine_,
                        dst.as<float>() + pieces[i].dst_offset);
      dnnl::reorder(a.dst, user).execute(stream_, a.dst, user);
    }
    stream_.wait();
  }

 private:
  struct Prim {
    dnnl::convolution_forward::primitive_desc pd;
    dnnl::convolution_forward conv;
  };
  struct Args {
    memory src, dst;
    std::unordered_map<int, memory> args;
    const dnnl::convolution_forward* conv = nullptr;
  };

  static int64_t round_up(std::size_t bytes) { return static_cast<int64_t>((bytes + 63) / 64 * 64); }
  static memory::desc plain_md(const ConvDesc& c, int64_t batch, int64_t channels,
                               const std::array<int64_t, 3>& size) {
    return {concat({batch, channels}, spatial(c, size)), memory::data_type::f32, act_tag(c.ndims)};
  }

  bool any_;
  dnnl::algorithm algorithm_;
  dnnl::engine engine_{dnnl::engine::kind::cpu, 0};
  dnnl::stream stream_{engine_};
  const Problem* problem_ = nullptr;
  std::map<int64_t, Prim> prims_;
  memory wei_;
  Buffer arena_;
  int64_t slot_bytes_ = 0;
  std::vector<std::vector<Args>> slots_;
};

}  // namespace

ImplInfo onednn_impl(bool any_format) {
  return {any_format ? "oneDNN any" : "oneDNN nchw", any_format ? "onednn_any" : "onednn_nchw",
          [](const Problem&) { return std::string(); }, [any_format] {
            return std::make_unique<OnednnImpl>(any_format, dnnl::algorithm::convolution_direct);
          }};
}

// Where oneDNN 2.x has a Winograd implementation at all (2D 3x3 stride 1,
// undilated); within that, one it refuses shows as n/a.
ImplInfo onednn_winograd_impl() {
  auto skip = [](const Problem& p) {
    return winograd_shape(p.desc) ? std::string() : std::string("oneDNN's Winograd is for 2D 3x3 stride 1");
  };
  ImplInfo info{"oneDNN winograd", "onednn_winograd", skip,
                [] { return std::make_unique<OnednnImpl>(true, dnnl::algorithm::convolution_winograd); }};
  info.on_request = true;
  info.algorithm = Algorithm::winograd;
  return info;
}

}  // namespace convjit::bench
