/* Stands for the reference BLAS's cblas.h (Debian's libblas-dev, found
 * where OpenBLAS is not installed): the same declarations, sizes as
 * CBLAS_INT, and neither blasint nor openblas_set_num_threads, so the
 * bench's OpenBLAS probe must fail to compile against it. */
#ifndef CBLAS_H
#define CBLAS_H
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CBLAS_INT int32_t
typedef enum CBLAS_LAYOUT { CblasRowMajor = 101, CblasColMajor = 102 } CBLAS_LAYOUT;
typedef enum CBLAS_TRANSPOSE { CblasNoTrans = 111, CblasTrans = 112, CblasConjTrans = 113 } CBLAS_TRANSPOSE;

void cblas_sgemm(CBLAS_LAYOUT layout, CBLAS_TRANSPOSE TransA, CBLAS_TRANSPOSE TransB,
                 const CBLAS_INT M, const CBLAS_INT N, const CBLAS_INT K, const float alpha,
                 const float *A, const CBLAS_INT lda, const float *B, const CBLAS_INT ldb,
                 const float beta, float *C, const CBLAS_INT ldc);
void cblas_dgemm(CBLAS_LAYOUT layout, CBLAS_TRANSPOSE TransA, CBLAS_TRANSPOSE TransB,
                 const CBLAS_INT M, const CBLAS_INT N, const CBLAS_INT K, const double alpha,
                 const double *A, const CBLAS_INT lda, const double *B, const CBLAS_INT ldb,
                 const double beta, double *C, const CBLAS_INT ldc);

#ifdef __cplusplus
}
#endif
#endif
