// im2col + GEMM, the way frameworks (Caffe, early PyTorch) do it: per image
// and group, unfold the input into a [IC/G * KD*KH*KW, OD*OH*OW] column
// matrix, then one OpenBLAS sgemm/dgemm with the [OC/G, IC/G * K] weights.
// A 1x1 convolution with stride 1 and no padding needs no unfolding: the
// input is the column matrix already. The column buffer is allocated in
// prepare; im2col splits its rows over OpenMP threads, the GEMM uses
// OpenBLAS's threads.
#include <cblas.h>

#include <algorithm>

#include "bench/impl.hpp"

namespace convjit::bench {
namespace {

template <class T>
void im2col(const ConvDesc& c, const T* in, T* col, int threads) {
  const int64_t i0 = c.i[0], i1 = c.i[1], i2 = c.i[2];
  const int64_t o0 = c.o[0], o1 = c.o[1], o2 = c.o[2];
  const int64_t k0 = c.k[0], k1 = c.k[1], k2 = c.k[2];
  const int64_t k_size = k0 * k1 * k2, cols = o0 * o1 * o2, rows = c.icg() * k_size;
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1 && rows * cols > (1 << 14))
  for (int64_t r = 0; r < rows; ++r) {
    const int64_t ic = r / k_size, kk = r % k_size;
    const int64_t kd = kk / (k1 * k2), kh = kk / k2 % k1, kw = kk % k2;
    T* row = col + r * cols;
    for (int64_t od = 0; od < o0; ++od) {
      const int64_t id = od * c.s[0] - c.p[0] + kd * (c.d[0] + 1);
      for (int64_t oh = 0; oh < o1; ++oh) {
        const int64_t ih = oh * c.s[1] - c.p[1] + kh * (c.d[1] + 1);
        T* seg = row + (od * o1 + oh) * o2;
        if (id < 0 || id >= i0 || ih < 0 || ih >= i1) {
          std::fill(seg, seg + o2, T(0));
          continue;
        }
        const T* line = in + ((ic * i0 + id) * i1 + ih) * i2;
        for (int64_t ow = 0; ow < o2; ++ow) {
          const int64_t iw = ow * c.s[2] - c.p[2] + kw * (c.d[2] + 1);
          seg[ow] = iw >= 0 && iw < i2 ? line[iw] : T(0);
        }
      }
    }
  }
}

// C[M,N] = A[M,K] * B[K,N], row-major.
void gemm(int64_t m, int64_t n, int64_t k, const float* a, const float* b, float* c) {
  cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, static_cast<blasint>(m),
              static_cast<blasint>(n), static_cast<blasint>(k), 1.0f, a, static_cast<blasint>(k),
              b, static_cast<blasint>(n), 0.0f, c, static_cast<blasint>(n));
}
void gemm(int64_t m, int64_t n, int64_t k, const double* a, const double* b, double* c) {
  cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, static_cast<blasint>(m),
              static_cast<blasint>(n), static_cast<blasint>(k), 1.0, a, static_cast<blasint>(k), b,
              static_cast<blasint>(n), 0.0, c, static_cast<blasint>(n));
}

bool needs_no_unfolding(const ConvDesc& c) {
  for (int a = 0; a < 3; ++a)
    if (c.k[a] != 1 || c.s[a] != 1 || c.p[a] != 0 || c.pb[a] != 0) return false;
  return true;
}

class Im2colBlasImpl final : public PlainImpl {
 public:
  void enter(int threads) override {
    PlainImpl::enter(threads);
    openblas_set_num_threads(threads);
  }

  void prepare(const Setup& s) override {
    const ConvDesc& c = s.problem.desc;
    wei_ = &s.wei;
    threads_ = s.threads;
    direct_ = needs_no_unfolding(c);
    if (!direct_) col_ = Buffer(c.dt, Shape{1, {c.icg() * c.spatial_k() * c.spatial_out()}});
    note = direct_ ? "1x1: no im2col"
                   : "im2col buffer " + (col_.bytes() < 4096 ? std::to_string(col_.bytes()) + " B"
                                                             : std::to_string(col_.bytes() >> 10) + " KiB");
    prepare_slots(s);
  }

 protected:
  void compute(const void* src, void* dst, int64_t batch) override {
    if (problem().desc.dt == DataType::f32)
      compute_as(static_cast<const float*>(src), static_cast<float*>(dst), batch);
    else
      compute_as(static_cast<const double*>(src), static_cast<double*>(dst), batch);
  }

 private:
  template <class T>
  void compute_as(const T* src, T* dst, int64_t batch) {
    const ConvDesc& c = problem().desc;
    const int64_t m = c.ocg(), n = c.spatial_out(), k = c.icg() * c.spatial_k();
    const T* wei = wei_->as<T>();
    for (int64_t img = 0; img < batch; ++img) {
      for (int64_t g = 0; g < c.g; ++g) {
        const T* in = src + (img * c.ic + g * c.icg()) * c.spatial_in();
        T* out = dst + (img * c.oc + g * m) * n;
        const T* b = in;
        if (!direct_) {
          im2col(c, in, col_.as<T>(), threads_);
          b = col_.as<T>();
        }
        gemm(m, n, k, wei + g * m * k, b, out);
      }
    }
  }

  const Buffer* wei_ = nullptr;
  Buffer col_;
  bool direct_ = false;
  int threads_ = 1;
};

}  // namespace

ImplInfo im2col_blas_impl() {
  return {"im2col+BLAS", "im2col_blas",
          [](const Problem& p) {
            return p.desc.layout == Layout::ncx ? std::string() : std::string("ncx only");
          },
          [] { return std::make_unique<Im2colBlasImpl>(); }};
}

}  // namespace convjit::bench
