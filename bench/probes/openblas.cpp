// Probe for impl_im2col_blas.cpp: OpenBLAS's own cblas.h, which has blasint
// and openblas_set_num_threads (the reference BLAS's cblas.h has neither),
// compiled and linked as the bench is (peers.cmake). Never run.
#include <cblas.h>

int main() {
  float a = 1.0f, b = 1.0f, c = 0.0f;
  double ad = 1.0, bd = 1.0, cd = 0.0;
  const blasint one = static_cast<blasint>(1);
  cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, one, one, one, 1.0f, &a, one, &b, one,
              0.0f, &c, one);
  cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, one, one, one, 1.0, &ad, one, &bd, one,
              0.0, &cd, one);
  openblas_set_num_threads(1);
  return c == 1.0f && cd == 1.0 ? 0 : 1;
}
