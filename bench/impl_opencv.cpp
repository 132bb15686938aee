// OpenCV's filter2D, for single-channel inputs (ic = 1, 1D or 2D, stride 1,
// no dilation): one call per image and output channel. filter2D computes a
// correlation, as convolution layers do. The output is the top-left
// OH x OW corner of filtering the image with the anchor at (pw, ph): calling
// it on that region of interest makes OpenCV read the rest of the image for
// the taps beyond the region (it does not treat the ROI's edge as a border),
// and BORDER_CONSTANT supplies the zero padding beyond the image.
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "bench/impl.hpp"

namespace convjit::bench {
namespace {

std::string why_not(const Problem& p) {
  const ConvDesc& c = p.desc;
  if (c.ndims > 2) return "3D";
  if (c.layout != Layout::ncx) return "ncx only";
  if (c.ic != 1 || c.g != 1) return "filter2D takes one input channel";
  for (int a = 1; a < 3; ++a) {
    if (c.s[a] != 1) return "filter2D has no stride";
    if (c.d[a] != 0) return "filter2D has no dilation";
    if (c.p[a] >= c.k[a]) return "padding beyond the kernel";
    if (c.o[a] > c.i[a]) return "output larger than the input";
  }
  return "";
}

class OpencvImpl final : public PlainImpl {
 public:
  void enter(int threads) override {
    PlainImpl::enter(threads);
    cv::setNumThreads(threads);
  }

  void prepare(const Setup& s) override {
    const ConvDesc& c = s.problem.desc;
    if (std::string why = why_not(s.problem); !why.empty()) throw NotApplicable(why);
    type_ = c.dt == DataType::f32 ? CV_32F : CV_64F;
    esize_ = static_cast<int64_t>(size_of(c.dt));
    // Kernels as Mats over the bound weights, one per output channel.
    for (int64_t oc = 0; oc < c.oc; ++oc)
      kernels_.emplace_back(static_cast<int>(c.k[1]), static_cast<int>(c.k[2]), type_,
                            const_cast<char*>(s.wei.as<char>()) + oc * c.k[1] * c.k[2] * esize_);
    note = std::string("filter2D x") + std::to_string(c.oc) + " per image";
    prepare_slots(s);
  }

 protected:
  void compute(const void* src, void* dst, int64_t batch) override {
    const ConvDesc& c = problem().desc;
    const int ih = static_cast<int>(c.i[1]), iw = static_cast<int>(c.i[2]);
    const int oh = static_cast<int>(c.o[1]), ow = static_cast<int>(c.o[2]);
    const cv::Point anchor(static_cast<int>(c.p[2]), static_cast<int>(c.p[1]));
    for (int64_t n = 0; n < batch; ++n) {
      const cv::Mat image(ih, iw, type_,
                          const_cast<char*>(static_cast<const char*>(src)) + n * ih * iw * esize_);
      const cv::Mat roi = image(cv::Rect(0, 0, ow, oh));
      for (int64_t oc = 0; oc < c.oc; ++oc) {
        cv::Mat out(oh, ow, type_, static_cast<char*>(dst) + (n * c.oc + oc) * oh * ow * esize_);
        cv::filter2D(roi, out, -1, kernels_[oc], anchor, 0, cv::BORDER_CONSTANT);
      }
    }
  }

 private:
  int type_ = CV_32F;
  int64_t esize_ = 4;
  std::vector<cv::Mat> kernels_;
};

}  // namespace

ImplInfo opencv_impl() {
  return {"OpenCV", "opencv", why_not, [] { return std::make_unique<OpencvImpl>(); }};
}

}  // namespace convjit::bench
