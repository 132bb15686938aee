// Probe for impl_opencv.cpp: cv::Mat over user memory, a region of
// interest, filter2D and setNumThreads from core + imgproc, compiled and
// linked as the bench is (peers.cmake). Never run.
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <vector>

int main() {
  cv::setNumThreads(1);
  float image[16] = {}, weights[9] = {}, out[4] = {};
  double image_d[16] = {};
  const cv::Mat src(4, 4, CV_32F, image), src_d(4, 4, CV_64F, image_d);
  const cv::Mat roi = src(cv::Rect(0, 0, 2, 2));
  std::vector<cv::Mat> kernels;
  kernels.emplace_back(3, 3, CV_32F, weights);
  cv::Mat dst(2, 2, CV_32F, out);
  cv::filter2D(roi, dst, -1, kernels[0], cv::Point(1, 1), 0, cv::BORDER_CONSTANT);
  return src_d.empty() ? 1 : 0;
}
