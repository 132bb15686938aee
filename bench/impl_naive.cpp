// The naive direct loop: what a C programmer writes first. Scalar, in the
// data type (f32 accumulates in f32), compiled with the project's flags.
// With more than one thread, OpenMP splits the (image, output channel)
// planes, the obvious parallel loop, when the problem is not tiny.
#include "bench/impl.hpp"

namespace convjit::bench {
namespace {

template <class T>
[[gnu::noinline]] void naive_conv(const ConvDesc& c, const T* src, const T* wei, T* dst, int64_t batch,
                int threads) {
  const int64_t icg = c.icg(), ocg = c.ocg();
  const int64_t i0 = c.i[0], i1 = c.i[1], i2 = c.i[2];
  const int64_t o0 = c.o[0], o1 = c.o[1], o2 = c.o[2];
  const int64_t k0 = c.k[0], k1 = c.k[1], k2 = c.k[2];
  const int64_t in_plane = i0 * i1 * i2, out_plane = o0 * o1 * o2, k_size = k0 * k1 * k2;
  const int64_t planes = batch * c.oc;
  // Threads only where there is work for them (~100k multiply-adds): a
  // parallel region costs microseconds, more than a tiny problem.
  const bool parallel = threads > 1 && planes * out_plane * icg * k_size >= 100000;
  auto plane_of = [&](int64_t plane) {
    const int64_t n = plane / c.oc, oc = plane % c.oc, g = oc / ocg;
    const T* in = src + (n * c.ic + g * icg) * in_plane;
    const T* w = wei + oc * icg * k_size;  // [G][OC/G][IC/G][k] is [OC][IC/G][k]
    T* out = dst + plane * out_plane;
    for (int64_t od = 0; od < o0; ++od)
      for (int64_t oh = 0; oh < o1; ++oh)
        for (int64_t ow = 0; ow < o2; ++ow) {
          T acc = 0;
          for (int64_t ic = 0; ic < icg; ++ic)
            for (int64_t kd = 0; kd < k0; ++kd) {
              const int64_t id = od * c.s[0] - c.p[0] + kd * (c.d[0] + 1);
              if (id < 0 || id >= i0) continue;
              for (int64_t kh = 0; kh < k1; ++kh) {
                const int64_t ih = oh * c.s[1] - c.p[1] + kh * (c.d[1] + 1);
                if (ih < 0 || ih >= i1) continue;
                for (int64_t kw = 0; kw < k2; ++kw) {
                  const int64_t iw = ow * c.s[2] - c.p[2] + kw * (c.d[2] + 1);
                  if (iw < 0 || iw >= i2) continue;
                  acc += in[((ic * i0 + id) * i1 + ih) * i2 + iw] *
                         w[((ic * k0 + kd) * k1 + kh) * k2 + kw];
                }
              }
            }
          out[(od * o1 + oh) * o2 + ow] = acc;
        }
  };
  // No OpenMP region at all on one thread: even an inactive one (`if`
  // false) costs GCC's libgomp about 1.5 us, 40 times seed:tiny's loop.
  if (!parallel) {
    for (int64_t plane = 0; plane < planes; ++plane) plane_of(plane);
    return;
  }
#pragma omp parallel for num_threads(threads) schedule(static)
  for (int64_t plane = 0; plane < planes; ++plane) plane_of(plane);
}

class NaiveImpl final : public PlainImpl {
 public:
  void prepare(const Setup& s) override {
    wei_ = &s.wei;
    threads_ = s.threads;
    prepare_slots(s);
  }

 protected:
  void compute(const void* src, void* dst, int64_t batch) override {
    const ConvDesc& c = problem().desc;
    if (c.dt == DataType::f32)
      naive_conv(c, static_cast<const float*>(src), wei_->as<float>(), static_cast<float*>(dst),
                 batch, threads_);
    else
      naive_conv(c, static_cast<const double*>(src), wei_->as<double>(),
                 static_cast<double*>(dst), batch, threads_);
  }

 private:
  const Buffer* wei_ = nullptr;
  int threads_ = 1;
};

}  // namespace

ImplInfo naive_impl() {
  return {"naive", "naive",
          [](const Problem& p) {
            return p.desc.layout == Layout::ncx ? std::string() : std::string("ncx only");
          },
          [] { return std::make_unique<NaiveImpl>(); }};
}

}  // namespace convjit::bench
