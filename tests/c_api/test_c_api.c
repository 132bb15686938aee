/* The C ABI as a C11 program meets it: every function of convjit.h, every
 * status it can return, and every error path (each argument NULL in turn,
 * short buffers, unknown enum values), with results checked against known
 * answers. Prints "N passed, M failed"; exits nonzero if any check failed. */
#define _POSIX_C_SOURCE 200809L /* fork, setrlimit, mkdtemp, pthreads */

#include <convjit/convjit.h>

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

/* What FFI declarations assume: enums are 32-bit integers. */
_Static_assert(sizeof(convjit_status) == 4 && sizeof(convjit_dtype) == 4 &&
                   sizeof(convjit_layout) == 4 && sizeof(convjit_backend) == 4 &&
                   sizeof(convjit_effort) == 4 && sizeof(convjit_algorithm) == 4,
               "convjit enums are 32-bit");
/* algorithm took what was post_ops' tail padding: the struct, and arrays of
 * it as convjit_engine_warm_up reads them, keep their size on x86-64. */
_Static_assert(sizeof(convjit_problem) == 24, "convjit_problem is 24 bytes");

static int passed, failed;

static void check(int ok, const char* what, const char* file, int line) {
  if (ok) {
    ++passed;
    return;
  }
  ++failed;
  fprintf(stderr, "%s:%d: CHECK(%s) failed; last error: [%s] %s\n", file, line, what,
          convjit_last_error_field(), convjit_last_error_message());
}
#define CHECK(cond) check((cond) ? 1 : 0, #cond, __FILE__, __LINE__)
#define CHECK_OK(call) CHECK((call) == CONVJIT_SUCCESS)

/* A failure with the expected status, whose last error names the expected
 * field, in the message too (field and rule, as convjit::Error says them). */
static void check_fails(convjit_status got, convjit_status want, const char* field,
                        const char* call, const char* file, int line) {
  const char* f = convjit_last_error_field();
  const char* m = convjit_last_error_message();
  const int ok = got == want && strcmp(f, field) == 0 && m[0] != '\0' && strstr(m, field) != NULL;
  if (!ok)
    fprintf(stderr, "%s:%d: %s: want %s naming \"%s\", got %s naming \"%s\": %s\n", file, line,
            call, convjit_status_string(want), field, convjit_status_string(got), f, m);
  check(ok, call, file, line);
}
#define CHECK_FAILS(call, status, field) \
  check_fails((call), (status), (field), #call, __FILE__, __LINE__)

static int contains(const char* text, const char* part) { return strstr(text, part) != NULL; }

/* A sentinel value for out-parameters that a failing call must not touch. */
static int sentinel_object;
#define SENTINEL ((void*)&sentinel_object)

/* ---- Problems and data ---------------------------------------------------- */

/* A 6x6 image, a 3x3 box filter, padding 1: corners 4, edges 6, interior 9. */
static const char* const kBox = "mb1ic1ih6oc1kh3ph1";

static convjit_problem problem(const char* desc, convjit_dtype dtype, convjit_layout layout,
                               unsigned post_ops) {
  convjit_problem p;
  memset(&p, 0, sizeof p);
  p.desc = desc;
  p.dtype = dtype;
  p.layout = layout;
  p.post_ops = post_ops;
  return p;
}

static double box_expected(int y, int x) {
  const int ny = (y == 0 || y == 5) ? 2 : 3, nx = (x == 0 || x == 5) ? 2 : 3;
  return ny * nx;
}

static int box_ok_f32(const float* dst, int images) {
  for (int i = 0; i < images * 36; ++i)
    if (dst[i] != box_expected(i % 36 / 6, i % 6)) return 0;
  return 1;
}

static void fill_f32(float* p, size_t n, float v) {
  for (size_t i = 0; i < n; ++i) p[i] = v;
}

/* ---- Statuses, errors, version ----------------------------------------- */

static void test_statuses(void) {
  CHECK(strcmp(convjit_last_error_message(), "") == 0); /* no failure yet */
  CHECK(strcmp(convjit_last_error_field(), "") == 0);
  CHECK(strcmp(convjit_status_string(CONVJIT_SUCCESS), "success") == 0);
  CHECK(strcmp(convjit_status_string(CONVJIT_INVALID_ARGUMENT), "invalid argument") == 0);
  CHECK(strcmp(convjit_status_string(CONVJIT_NULL_POINTER), "null pointer") == 0);
  CHECK(strcmp(convjit_status_string(CONVJIT_IO_ERROR), "I/O error") == 0);
  CHECK(strcmp(convjit_status_string(CONVJIT_OUT_OF_MEMORY), "out of memory") == 0);
  CHECK(strcmp(convjit_status_string(CONVJIT_INTERNAL_ERROR), "internal error") == 0);
  CHECK(strcmp(convjit_status_string((convjit_status)99), "unknown status") == 0);
  CHECK(strcmp(convjit_status_string((convjit_status)-1), "unknown status") == 0);
  int major = -1, minor = -1, patch = -1;
  CHECK(sscanf(convjit_version(), "%d.%d.%d", &major, &minor, &patch) == 3);
  CHECK(major >= 0 && minor >= 0 && patch >= 0);
}

/* The last error belongs to the thread that failed. */
static void* fail_in_thread(void* arg) {
  (void)arg;
  static int ok;
  ok = strcmp(convjit_last_error_message(), "") == 0;  /* a fresh thread has none */
  ok = ok && convjit_engine_threads(NULL, NULL) == CONVJIT_NULL_POINTER;
  ok = ok && strcmp(convjit_last_error_field(), "engine") == 0;
  return &ok;
}

static void test_last_error_per_thread(void) {
  CHECK_FAILS(convjit_kernel_plan(NULL, NULL), CONVJIT_NULL_POINTER, "kernel");
  pthread_t thread;
  void* result = NULL;
  CHECK(pthread_create(&thread, NULL, fail_in_thread, NULL) == 0);
  CHECK(pthread_join(thread, &result) == 0);
  CHECK(result && *(int*)result);
  CHECK(strcmp(convjit_last_error_field(), "kernel") == 0); /* ours, untouched */
  /* Success leaves the last failure in place (as errno). */
  CHECK(strcmp(convjit_status_string(CONVJIT_SUCCESS), "success") == 0);
  convjit_engine* engine = NULL;
  CHECK_OK(convjit_engine_create(NULL, &engine));
  CHECK(strcmp(convjit_last_error_field(), "kernel") == 0);
  convjit_engine_destroy(engine);
}

/* ---- Engines ------------------------------------------------------------ */

static void test_engine(void) {
  convjit_engine* engine = NULL;
  CHECK_OK(convjit_engine_create(NULL, &engine));
  CHECK(engine != NULL);
  const char* cpu = NULL;
  CHECK_OK(convjit_engine_cpu(engine, &cpu));
  CHECK(cpu && cpu[0] != '\0' && contains(cpu, "isa"));
  int threads = 0;
  CHECK_OK(convjit_engine_threads(engine, &threads));
  CHECK(threads >= 1);
  convjit_engine_destroy(engine);

  convjit_engine_options options;
  memset(&options, 0, sizeof options); /* zeroed: the defaults */
  CHECK_OK(convjit_engine_create(&options, &engine));
  convjit_engine_destroy(engine);
  options.threads = 1;
  options.max_isa = "scalar";
  options.flush_denormals = 1;
  CHECK_OK(convjit_engine_create(&options, &engine));
  CHECK_OK(convjit_engine_threads(engine, &threads));
  CHECK(threads == 1);
  CHECK_OK(convjit_engine_cpu(engine, &cpu));
  CHECK(contains(cpu, "isa scalar"));
  /* A scalar engine has no JIT: asked for it, the backend is the error. */
  convjit_problem box = problem(kBox, CONVJIT_F32, CONVJIT_NCX, 0);
  convjit_kernel* kernel = SENTINEL;
  CHECK_FAILS(convjit_kernel_create(engine, &box, CONVJIT_BACKEND_JIT, &kernel),
              CONVJIT_INVALID_ARGUMENT, "backend");
  CHECK(kernel == SENTINEL);
  convjit_engine_destroy(engine);

  convjit_engine* untouched = SENTINEL;
  memset(&options, 0, sizeof options);
  options.threads = -1;
  CHECK_FAILS(convjit_engine_create(&options, &untouched), CONVJIT_INVALID_ARGUMENT, "threads");
  options.threads = 0;
  options.max_isa = "sse9";
  CHECK_FAILS(convjit_engine_create(&options, &untouched), CONVJIT_INVALID_ARGUMENT, "max_isa");
  CHECK(untouched == SENTINEL);
  CHECK_FAILS(convjit_engine_create(NULL, NULL), CONVJIT_NULL_POINTER, "engine");

  const char* cpu_untouched = SENTINEL;
  int threads_untouched = -7;
  CHECK_FAILS(convjit_engine_cpu(NULL, &cpu_untouched), CONVJIT_NULL_POINTER, "engine");
  CHECK_FAILS(convjit_engine_threads(NULL, &threads_untouched), CONVJIT_NULL_POINTER, "engine");
  CHECK(cpu_untouched == SENTINEL && threads_untouched == -7);
  CHECK_OK(convjit_engine_create(NULL, &engine));
  CHECK_FAILS(convjit_engine_cpu(engine, NULL), CONVJIT_NULL_POINTER, "cpu");
  CHECK_FAILS(convjit_engine_threads(engine, NULL), CONVJIT_NULL_POINTER, "threads");
  convjit_engine_destroy(engine);
  convjit_engine_destroy(NULL); /* a no-op */
  convjit_kernel_destroy(NULL);
}

/* ---- Kernels: creation ---------------------------------------------------- */

static void test_kernel_create_errors(convjit_engine* engine) {
  convjit_kernel* kernel = SENTINEL;
  convjit_problem p = problem("mb1ic3ih32oc10kh2g3", CONVJIT_F32, CONVJIT_NCX, 0);
  CHECK_FAILS(convjit_kernel_create(engine, &p, CONVJIT_BACKEND_AUTO, &kernel),
              CONVJIT_INVALID_ARGUMENT, "oc"); /* 10 channels in 3 groups */
  CHECK(contains(convjit_last_error_message(), "divisible"));
  p.desc = "mb1ic3ih32oc10kh2zz4";
  CHECK(convjit_kernel_create(engine, &p, CONVJIT_BACKEND_AUTO, &kernel) ==
        CONVJIT_INVALID_ARGUMENT);
  CHECK(convjit_last_error_field()[0] != '\0');
  p = problem(kBox, (convjit_dtype)7, CONVJIT_NCX, 0);
  CHECK_FAILS(convjit_kernel_create(engine, &p, CONVJIT_BACKEND_AUTO, &kernel),
              CONVJIT_INVALID_ARGUMENT, "dtype");
  p = problem(kBox, (convjit_dtype)-1, CONVJIT_NCX, 0);
  CHECK_FAILS(convjit_kernel_create(engine, &p, CONVJIT_BACKEND_AUTO, &kernel),
              CONVJIT_INVALID_ARGUMENT, "dtype");
  p = problem(kBox, CONVJIT_F32, (convjit_layout)4, 0);
  CHECK_FAILS(convjit_kernel_create(engine, &p, CONVJIT_BACKEND_AUTO, &kernel),
              CONVJIT_INVALID_ARGUMENT, "layout");
  p = problem(kBox, CONVJIT_F32, CONVJIT_NCX, 4);
  CHECK_FAILS(convjit_kernel_create(engine, &p, CONVJIT_BACKEND_AUTO, &kernel),
              CONVJIT_INVALID_ARGUMENT, "post_ops");
  p = problem(kBox, CONVJIT_F32, CONVJIT_NCX, 0);
  CHECK_FAILS(convjit_kernel_create(engine, &p, (convjit_backend)4, &kernel),
              CONVJIT_INVALID_ARGUMENT, "backend");
  /* A blocked layout needs whole channel blocks per group. */
  p = problem("mb1g2ic8ih4oc8kh1", CONVJIT_F32, CONVJIT_NCX8C, 0);
  CHECK(convjit_kernel_create(engine, &p, CONVJIT_BACKEND_AUTO, &kernel) ==
        CONVJIT_INVALID_ARGUMENT);
  p = problem(NULL, CONVJIT_F32, CONVJIT_NCX, 0);
  CHECK_FAILS(convjit_kernel_create(engine, &p, CONVJIT_BACKEND_AUTO, &kernel),
              CONVJIT_NULL_POINTER, "desc");
  p.desc = kBox;
  CHECK_FAILS(convjit_kernel_create(engine, NULL, CONVJIT_BACKEND_AUTO, &kernel),
              CONVJIT_NULL_POINTER, "problem");
  CHECK_FAILS(convjit_kernel_create(NULL, &p, CONVJIT_BACKEND_AUTO, &kernel), CONVJIT_NULL_POINTER,
              "engine");
  CHECK_FAILS(convjit_kernel_create(engine, &p, CONVJIT_BACKEND_AUTO, NULL), CONVJIT_NULL_POINTER,
              "kernel");
  CHECK(kernel == SENTINEL);
}

/* Warm-up compiles ahead; a bad problem is named by its place. */
static void test_warm_up(convjit_engine* engine) {
  convjit_problem ps[2] = {problem(kBox, CONVJIT_F32, CONVJIT_NCX, 0),
                           problem("mb1ic3ih32oc10kh2sh2", CONVJIT_F64, CONVJIT_NXC, 0)};
  CHECK_OK(convjit_engine_warm_up(engine, ps, 2));
  CHECK_OK(convjit_engine_warm_up(engine, NULL, 0));
  convjit_kernel* kernel = NULL;
  CHECK_OK(convjit_kernel_create(engine, &ps[1], CONVJIT_BACKEND_AUTO, &kernel));
  convjit_kernel_destroy(kernel);
  ps[1].desc = "mb1ic3ih32oc10kh2g3";
  CHECK_FAILS(convjit_engine_warm_up(engine, ps, 2), CONVJIT_INVALID_ARGUMENT, "oc");
  CHECK(contains(convjit_last_error_message(), "problems[1]: "));
  ps[1].post_ops = 8;
  CHECK_FAILS(convjit_engine_warm_up(engine, ps, 2), CONVJIT_INVALID_ARGUMENT, "post_ops");
  CHECK(contains(convjit_last_error_message(), "problems[1]: "));
  CHECK_FAILS(convjit_engine_warm_up(engine, NULL, 1), CONVJIT_NULL_POINTER, "problems");
  CHECK_FAILS(convjit_engine_warm_up(NULL, ps, 1), CONVJIT_NULL_POINTER, "engine");
}

/* ---- Algorithms ----------------------------------------------------------- */

/* Uniform in [-1, 1] from a fixed LCG: the same data on every run. */
static void fill_uniform(float* p, size_t n, uint32_t seed) {
  for (size_t i = 0; i < n; ++i) {
    seed = seed * 1664525u + 1013904223u;
    p[i] = (float)(seed >> 8) / (float)(1u << 23) - 1.0f;
  }
}

/* A 3x3 stride-1 problem Winograd applies to: 16 channels in and out, 12x12. */
enum { kWinoElems = 16 * 12 * 12, kWinoWeights = 16 * 16 * 3 * 3 };
static const char* const kWino = "mb1ic16ih12oc16kh3ph1";

/* Makes, binds and runs the kernel of kWino computed by `algorithm` into
 * dst; 1 on success. */
static int run_wino(convjit_engine* engine, convjit_algorithm algorithm, const float* weights,
                    const float* src, float* dst, const char** plan_out) {
  convjit_problem p = problem(kWino, CONVJIT_F32, CONVJIT_NCX, 0);
  p.algorithm = algorithm;
  convjit_kernel* kernel = NULL;
  CHECK_OK(convjit_kernel_create(engine, &p, CONVJIT_BACKEND_AUTO, &kernel));
  if (!kernel) return 0;
  const char* plan = "";
  const int ok = convjit_kernel_bind(kernel, weights, kWinoWeights, NULL, 0) == CONVJIT_SUCCESS &&
                 convjit_kernel_run(kernel, 1, src, kWinoElems, dst, kWinoElems) ==
                     CONVJIT_SUCCESS &&
                 convjit_kernel_plan(kernel, &plan) == CONVJIT_SUCCESS;
  CHECK(ok);
  /* The plan is owned by the kernel: keep a static copy for the caller. */
  static char copy[256];
  snprintf(copy, sizeof copy, "%s", plan);
  *plan_out = copy;
  convjit_kernel_destroy(kernel);
  return ok;
}

/* max |a - b| <= 1e-4 max |b|. F(4x4, 3x3), the tile the planner prefers,
 * errs up to about 2e-5 of the largest output in f32 on uniform [-1, 1]
 * data (README.md, Winograd: 6e-6 to 2e-5 on ResNet and VGG layers of 64
 * to 512 channels; 16 channels err less), direct convolution about 2e-6:
 * 1e-4 leaves a margin of 5, while a wrong tap, tile or transform errs by
 * a good fraction of the output. */
static int close_to(const float* a, const float* b, size_t n) {
  double largest = 0, err = 0;
  for (size_t i = 0; i < n; ++i) {
    largest = fmax(largest, fabs((double)b[i]));
    err = fmax(err, fabs((double)a[i] - (double)b[i]));
  }
  if (!(largest > 0 && err <= 1e-4 * largest)) {
    fprintf(stderr, "max error %g against max |out| %g\n", err, largest);
    return 0;
  }
  return 1;
}

static void test_algorithms(convjit_engine* engine) {
  static float weights[kWinoWeights], src[kWinoElems], direct[kWinoElems], other[kWinoElems];
  fill_uniform(weights, kWinoWeights, 1);
  fill_uniform(src, kWinoElems, 2);
  const char* plan = "";

  /* problem() zeroes the struct: a zeroed field is direct convolution, as
   * before the field existed, although Winograd applies. */
  if (!run_wino(engine, CONVJIT_ALGORITHM_DIRECT, weights, src, direct, &plan)) return;
  CHECK(!contains(plan, "winograd"));
  fill_f32(other, kWinoElems, -7.0f);
  if (run_wino(engine, CONVJIT_ALGORITHM_WINOGRAD, weights, src, other, &plan)) {
    CHECK(strncmp(plan, "winograd ", 9) == 0);
    CHECK(close_to(other, direct, kWinoElems));
  }
  fill_f32(other, kWinoElems, -7.0f);
  if (run_wino(engine, CONVJIT_ALGORITHM_WINOGRAD_2X2, weights, src, other, &plan)) {
    CHECK(strncmp(plan, "winograd ", 9) == 0);
    CHECK(contains(plan, " m2 "));
    CHECK(close_to(other, direct, kWinoElems));
  }
  fill_f32(other, kWinoElems, -7.0f);
  if (run_wino(engine, CONVJIT_ALGORITHM_FASTEST, weights, src, other, &plan))
    CHECK(close_to(other, direct, kWinoElems)); /* whichever strategy won */

  /* Where Winograd does not apply, the planner's reason. */
  convjit_kernel* kernel = SENTINEL;
  convjit_problem p = problem("mb1ic16ih12oc16kh5ph2", CONVJIT_F32, CONVJIT_NCX, 0);
  p.algorithm = CONVJIT_ALGORITHM_WINOGRAD;
  CHECK_FAILS(convjit_kernel_create(engine, &p, CONVJIT_BACKEND_AUTO, &kernel),
              CONVJIT_INVALID_ARGUMENT, "algorithm");
  CHECK(contains(convjit_last_error_message(), "algorithm=winograd does not apply"));
  CHECK(contains(convjit_last_error_message(), "winograd needs a 3x3 filter, not 5x5"));
  p.desc = "mb1ic16ih12oc16kh3sh2ph1";
  CHECK_FAILS(convjit_kernel_create(engine, &p, CONVJIT_BACKEND_AUTO, &kernel),
              CONVJIT_INVALID_ARGUMENT, "algorithm");
  CHECK(contains(convjit_last_error_message(), "winograd needs stride 1"));
  p.algorithm = CONVJIT_ALGORITHM_WINOGRAD_2X2;
  CHECK_FAILS(convjit_kernel_create(engine, &p, CONVJIT_BACKEND_AUTO, &kernel),
              CONVJIT_INVALID_ARGUMENT, "algorithm");
  CHECK(contains(convjit_last_error_message(), "algorithm=winograd_2x2 does not apply"));
  CHECK(contains(convjit_last_error_message(), "winograd needs stride 1"));
  /* fastest falls back to direct convolution there. */
  p.algorithm = CONVJIT_ALGORITHM_FASTEST;
  kernel = NULL;
  CHECK_OK(convjit_kernel_create(engine, &p, CONVJIT_BACKEND_AUTO, &kernel));
  convjit_kernel_destroy(kernel);

  /* Values outside the enum, checked before the descriptor is read. */
  kernel = SENTINEL;
  p = problem(kWino, CONVJIT_F32, CONVJIT_NCX, 0);
  p.algorithm = (convjit_algorithm)4;
  CHECK_FAILS(convjit_kernel_create(engine, &p, CONVJIT_BACKEND_AUTO, &kernel),
              CONVJIT_INVALID_ARGUMENT, "algorithm");
  CHECK(contains(convjit_last_error_message(), "algorithm=4 is not a convjit_algorithm (0 "
                                               "CONVJIT_ALGORITHM_DIRECT, 1 "
                                               "CONVJIT_ALGORITHM_WINOGRAD, 2 "
                                               "CONVJIT_ALGORITHM_FASTEST, 3 "
                                               "CONVJIT_ALGORITHM_WINOGRAD_2X2)"));
  p.algorithm = (convjit_algorithm)-1;
  p.desc = "not a descriptor";
  CHECK_FAILS(convjit_kernel_create(engine, &p, CONVJIT_BACKEND_AUTO, &kernel),
              CONVJIT_INVALID_ARGUMENT, "algorithm");
  CHECK(kernel == SENTINEL);

  /* Warm-up reads the field too, and names the problem that fails. */
  convjit_problem ps[2] = {problem(kWino, CONVJIT_F32, CONVJIT_NCX, 0),
                           problem("mb1ic16ih12oc16kh5ph2", CONVJIT_F32, CONVJIT_NCX, 0)};
  ps[0].algorithm = CONVJIT_ALGORITHM_WINOGRAD;
  CHECK_OK(convjit_engine_warm_up(engine, ps, 2));
  ps[1].algorithm = CONVJIT_ALGORITHM_WINOGRAD;
  CHECK_FAILS(convjit_engine_warm_up(engine, ps, 2), CONVJIT_INVALID_ARGUMENT, "algorithm");
  CHECK(contains(convjit_last_error_message(), "problems[1]: algorithm=winograd does not apply"));
  ps[1].algorithm = (convjit_algorithm)7;
  CHECK_FAILS(convjit_engine_warm_up(engine, ps, 2), CONVJIT_INVALID_ARGUMENT, "algorithm");
  CHECK(contains(convjit_last_error_message(), "problems[1]: algorithm=7 is not"));

  /* And tuning: the heuristic plan of a Winograd problem is Winograd's. */
  convjit_tune_result r;
  memset(&r, 0, sizeof r);
  CHECK_OK(convjit_engine_tune(engine, &ps[0], CONVJIT_EFFORT_ESTIMATE, 0, &r));
  CHECK(r.plan && strncmp(r.plan, "winograd ", 9) == 0);
}

/* ---- Kernels: the box filter on every backend, f32 and f64 --------------- */

static void test_box(convjit_engine* engine, convjit_backend backend) {
  convjit_problem p = problem(kBox, CONVJIT_F32, CONVJIT_NCX, 0);
  convjit_kernel* kernel = NULL;
  CHECK_OK(convjit_kernel_create(engine, &p, backend, &kernel));
  if (!kernel) return;
  convjit_sizes sizes;
  CHECK_OK(convjit_kernel_sizes(kernel, &sizes));
  CHECK(sizes.src_per_image == 36 && sizes.dst_per_image == 36);
  CHECK(sizes.weights == 9 && sizes.bias == 0);

  float weights[16], src[2 * 36], dst[2 * 36];
  fill_f32(weights, 16, 1.0f);
  fill_f32(src, 72, 1.0f);
  fill_f32(dst, 72, -7.0f);
  /* Run before bind: the weights are missing. dst untouched. */
  CHECK_FAILS(convjit_kernel_run(kernel, 2, src, 72, dst, 72), CONVJIT_INVALID_ARGUMENT,
              "weights");
  CHECK(dst[0] == -7.0f && dst[71] == -7.0f);

  CHECK_FAILS(convjit_kernel_bind(kernel, weights, 8, NULL, 0), CONVJIT_INVALID_ARGUMENT,
              "weights");
  CHECK(contains(convjit_last_error_message(), "weights holds 8 elements; the kernel needs 9"));
  CHECK_FAILS(convjit_kernel_bind(kernel, weights, -1, NULL, 0), CONVJIT_INVALID_ARGUMENT,
              "weights");
  CHECK_FAILS(convjit_kernel_bind(kernel, NULL, 9, NULL, 0), CONVJIT_NULL_POINTER, "weights");
  CHECK_FAILS(convjit_kernel_bind(NULL, weights, 9, NULL, 0), CONVJIT_NULL_POINTER, "kernel");
  CHECK_FAILS(convjit_kernel_bind(kernel, weights, 9, weights, 1), CONVJIT_INVALID_ARGUMENT,
              "bias"); /* no bias post-op */
  /* Still unbound after every failed bind. */
  CHECK_FAILS(convjit_kernel_run(kernel, 1, src, 36, dst, 36), CONVJIT_INVALID_ARGUMENT,
              "weights");
  CHECK_OK(convjit_kernel_bind(kernel, weights, 9, NULL, 0));
  /* More weights than needed are fine; without a bias its count is ignored. */
  CHECK_OK(convjit_kernel_bind(kernel, weights, 16, NULL, 12345));

  CHECK_OK(convjit_kernel_run(kernel, 2, src, 72, dst, 72));
  CHECK(box_ok_f32(dst, 2));
  CHECK(dst[0] == 4 && dst[1] == 6 && dst[7] == 9 && dst[36 + 35] == 4);

  /* Every run error leaves dst as it was. */
  fill_f32(dst, 72, -7.0f);
  CHECK_FAILS(convjit_kernel_run(kernel, 2, src, 71, dst, 72), CONVJIT_INVALID_ARGUMENT, "src");
  CHECK(contains(convjit_last_error_message(), "src holds 71 elements; the kernel needs 72"));
  CHECK_FAILS(convjit_kernel_run(kernel, 2, src, 72, dst, 36), CONVJIT_INVALID_ARGUMENT, "dst");
  CHECK_FAILS(convjit_kernel_run(kernel, -1, src, 72, dst, 72), CONVJIT_INVALID_ARGUMENT,
              "batch");
  CHECK_FAILS(convjit_kernel_run(kernel, INT64_MAX / 2, src, 72, dst, 72),
              CONVJIT_INVALID_ARGUMENT, "batch");
  /* 36 elements an image: one image more than 64 bits count is the batch's
   * error, the largest batch they count is the buffers'. */
  CHECK_FAILS(convjit_kernel_run(kernel, INT64_MAX / 36 + 1, src, 72, dst, 72),
              CONVJIT_INVALID_ARGUMENT, "batch");
  CHECK(contains(convjit_last_error_message(), "do not fit in 64 bits"));
  CHECK_FAILS(convjit_kernel_run(kernel, INT64_MAX / 36, src, 72, dst, 72),
              CONVJIT_INVALID_ARGUMENT, "src");
  CHECK_FAILS(convjit_kernel_run(kernel, 2, NULL, 72, dst, 72), CONVJIT_NULL_POINTER, "src");
  CHECK_FAILS(convjit_kernel_run(kernel, 2, src, 72, NULL, 72), CONVJIT_NULL_POINTER, "dst");
  CHECK_FAILS(convjit_kernel_run(NULL, 2, src, 72, dst, 72), CONVJIT_NULL_POINTER, "kernel");
  for (int i = 0; i < 72; ++i)
    if (dst[i] != -7.0f) {
      CHECK(dst[i] == -7.0f);
      break;
    }
  CHECK_OK(convjit_kernel_run(kernel, 0, NULL, 0, NULL, 0)); /* an empty batch needs no memory */
  CHECK_OK(convjit_kernel_run(kernel, 1, src, 36, dst, 36));
  CHECK(box_ok_f32(dst, 1) && dst[36] == -7.0f); /* one image: the second left alone */

  /* Plan, code and disassembly: the JIT has all three; the reference none. */
  const char *plan = NULL, *text = NULL;
  const uint8_t* code = SENTINEL;
  size_t size = 12345;
  CHECK_OK(convjit_kernel_plan(kernel, &plan));
  CHECK_OK(convjit_kernel_disassembly(kernel, &text));
  CHECK_OK(convjit_kernel_code(kernel, &code, &size));
  CHECK(plan && plan[0] != '\0' && text != NULL);
  const char* again = NULL;
  CHECK_OK(convjit_kernel_disassembly(kernel, &again));
  CHECK(again == text); /* made once */
  if (backend == CONVJIT_BACKEND_JIT) {
    CHECK(text[0] != '\0' && code != NULL && size > 0);
  } else if (backend == CONVJIT_BACKEND_REFERENCE) {
    CHECK(strcmp(plan, "reference") == 0 && text[0] == '\0' && code == NULL && size == 0);
  } else if (backend == CONVJIT_BACKEND_INTERP) {
    CHECK(text[0] == '\0' && code == NULL && size == 0);
  }
  convjit_kernel_destroy(kernel);

  /* f64: the same answers. */
  p.dtype = CONVJIT_F64;
  CHECK_OK(convjit_kernel_create(engine, &p, backend, &kernel));
  if (!kernel) return;
  double wd[9], sd[2 * 36], dd[2 * 36];
  for (int i = 0; i < 9; ++i) wd[i] = 1.0;
  for (int i = 0; i < 72; ++i) sd[i] = 1.0, dd[i] = -7.0;
  CHECK_OK(convjit_kernel_bind(kernel, wd, 9, NULL, 0));
  CHECK_OK(convjit_kernel_run(kernel, 2, sd, 72, dd, 72));
  int ok = 1;
  for (int i = 0; i < 72; ++i) ok = ok && dd[i] == box_expected(i % 36 / 6, i % 6);
  CHECK(ok);
  convjit_kernel_destroy(kernel);
}

/* ---- Kernels: a layout and the post-ops ------------------------------------ */

/* Where channel c of pixel q lies: NCX keeps each channel's 9 pixels
 * together, NXC each pixel's 2 channels, NCX8C each pixel's block of 8. */
static int at(convjit_layout layout, int q, int c) {
  return layout == CONVJIT_NCX ? c * 9 + q : layout == CONVJIT_NXC ? q * 2 + c : q * 8 + c;
}

/* A 1x1 convolution of 2 channels to 2 over 3x3 pixels. At pixel q the
 * input is (q, 1); weights [[1, 2], [3, -4]] and bias (-5, 0) give
 * (q - 3, 3q - 4) before the ReLU. In a blocked layout the 6 padding
 * channels of each pixel are neither read nor written. */
static void test_post_ops(convjit_engine* engine, convjit_layout layout) {
  const int per_image = layout == CONVJIT_NCX8C ? 9 * 8 : 9 * 2;
  convjit_problem p =
      problem("mb1ic2ih3oc2kh1", CONVJIT_F32, layout, CONVJIT_POST_BIAS | CONVJIT_POST_RELU);
  convjit_kernel* kernel = NULL;
  CHECK_OK(convjit_kernel_create(engine, &p, CONVJIT_BACKEND_AUTO, &kernel));
  if (!kernel) return;
  convjit_sizes sizes;
  CHECK_OK(convjit_kernel_sizes(kernel, &sizes));
  CHECK(sizes.src_per_image == per_image && sizes.dst_per_image == per_image);
  CHECK(sizes.weights == 4 && sizes.bias == 2);

  const float weights[4] = {1, 2, 3, -4}, bias[2] = {-5, 0};
  float src[9 * 8], dst[9 * 8];
  fill_f32(src, 72, 1000.0f); /* padding channels: must not be read */
  fill_f32(dst, 72, -7.0f);
  for (int q = 0; q < 9; ++q) src[at(layout, q, 0)] = (float)q, src[at(layout, q, 1)] = 1.0f;

  CHECK_FAILS(convjit_kernel_bind(kernel, weights, 4, NULL, 0), CONVJIT_NULL_POINTER, "bias");
  CHECK_FAILS(convjit_kernel_bind(kernel, weights, 4, bias, 1), CONVJIT_INVALID_ARGUMENT, "bias");
  CHECK(contains(convjit_last_error_message(), "bias holds 1 elements; the kernel needs 2"));
  CHECK_OK(convjit_kernel_bind(kernel, weights, 4, bias, 2));
  CHECK_OK(convjit_kernel_run(kernel, 1, src, per_image, dst, per_image));
  int ok = 1;
  for (int q = 0; q < 9; ++q) {
    ok = ok && dst[at(layout, q, 0)] == fmaxf((float)q - 3, 0);
    ok = ok && dst[at(layout, q, 1)] == fmaxf(3.0f * q - 4, 0);
    if (layout == CONVJIT_NCX8C)
      for (int c = 2; c < 8; ++c) ok = ok && dst[at(layout, q, c)] == -7.0f;
  }
  CHECK(ok);
  convjit_kernel_destroy(kernel);
}

/* ---- Kernels: ragged batches ------------------------------------------------ */

static void test_ragged(convjit_engine* engine) {
  convjit_problem p = problem(kBox, CONVJIT_F32, CONVJIT_NCX, 0);
  convjit_kernel* kernel = NULL;
  CHECK_OK(convjit_kernel_create(engine, &p, CONVJIT_BACKEND_AUTO, &kernel));
  if (!kernel) return;
  float weights[9], src[3 * 36], dst[3 * 36];
  fill_f32(weights, 9, 1.0f);
  fill_f32(src, 3 * 36, 1.0f);
  fill_f32(dst, 3 * 36, -7.0f);
  convjit_tensor_pair pairs[2] = {{1, src, 36, dst, 36}, {2, src + 36, 72, dst + 36, 72}};
  CHECK_FAILS(convjit_kernel_run_ragged(kernel, pairs, 2), CONVJIT_INVALID_ARGUMENT, "weights");
  CHECK_OK(convjit_kernel_bind(kernel, weights, 9, NULL, 0));
  CHECK_OK(convjit_kernel_run_ragged(kernel, pairs, 2));
  CHECK(box_ok_f32(dst, 3));
  CHECK_OK(convjit_kernel_run_ragged(kernel, NULL, 0));

  /* Any pair wrong: no dst touched, the pair named. */
  fill_f32(dst, 3 * 36, -7.0f);
  pairs[1].src_elems = 71;
  CHECK_FAILS(convjit_kernel_run_ragged(kernel, pairs, 2), CONVJIT_INVALID_ARGUMENT,
              "pairs[1].src");
  pairs[1].src_elems = 72;
  pairs[1].batch = -1;
  CHECK_FAILS(convjit_kernel_run_ragged(kernel, pairs, 2), CONVJIT_INVALID_ARGUMENT,
              "pairs[1].batch");
  pairs[1].batch = 2;
  pairs[0].dst = NULL;
  CHECK_FAILS(convjit_kernel_run_ragged(kernel, pairs, 2), CONVJIT_NULL_POINTER, "pairs[0].dst");
  pairs[0].dst = dst;
  pairs[0].dst_elems = 35;
  CHECK_FAILS(convjit_kernel_run_ragged(kernel, pairs, 2), CONVJIT_INVALID_ARGUMENT,
              "pairs[0].dst");
  pairs[0].dst_elems = 36;
  CHECK(dst[0] == -7.0f && dst[36] == -7.0f && dst[107] == -7.0f);
  CHECK_FAILS(convjit_kernel_run_ragged(kernel, NULL, 2), CONVJIT_NULL_POINTER, "pairs");
  CHECK_FAILS(convjit_kernel_run_ragged(NULL, pairs, 2), CONVJIT_NULL_POINTER, "kernel");
  CHECK_OK(convjit_kernel_run_ragged(kernel, pairs, 2)); /* and right again */
  CHECK(box_ok_f32(dst, 3));
  convjit_kernel_destroy(kernel);
}

/* ---- Kernels: the accessors' NULL arguments ----------------------------- */

static void test_accessor_errors(convjit_engine* engine) {
  convjit_problem p = problem(kBox, CONVJIT_F32, CONVJIT_NCX, 0);
  convjit_kernel* kernel = NULL;
  CHECK_OK(convjit_kernel_create(engine, &p, CONVJIT_BACKEND_AUTO, &kernel));
  convjit_sizes sizes = {-1, -1, -1, -1};
  const char* text = SENTINEL;
  const uint8_t* code = SENTINEL;
  size_t size = 12345;
  CHECK_FAILS(convjit_kernel_sizes(NULL, &sizes), CONVJIT_NULL_POINTER, "kernel");
  CHECK_FAILS(convjit_kernel_sizes(kernel, NULL), CONVJIT_NULL_POINTER, "sizes");
  CHECK(sizes.src_per_image == -1 && sizes.weights == -1);
  CHECK_FAILS(convjit_kernel_plan(NULL, &text), CONVJIT_NULL_POINTER, "kernel");
  CHECK_FAILS(convjit_kernel_plan(kernel, NULL), CONVJIT_NULL_POINTER, "plan");
  CHECK_FAILS(convjit_kernel_disassembly(NULL, &text), CONVJIT_NULL_POINTER, "kernel");
  CHECK_FAILS(convjit_kernel_disassembly(kernel, NULL), CONVJIT_NULL_POINTER, "text");
  CHECK(text == SENTINEL);
  CHECK_FAILS(convjit_kernel_code(NULL, &code, &size), CONVJIT_NULL_POINTER, "kernel");
  CHECK_FAILS(convjit_kernel_code(kernel, NULL, &size), CONVJIT_NULL_POINTER, "code");
  CHECK_FAILS(convjit_kernel_code(kernel, &code, NULL), CONVJIT_NULL_POINTER, "size");
  CHECK(code == SENTINEL && size == 12345);

  /* A kernel outlives its engine: destroyed in either order. */
  convjit_engine* own = NULL;
  convjit_kernel* orphan = NULL;
  CHECK_OK(convjit_engine_create(NULL, &own));
  CHECK_OK(convjit_kernel_create(own, &p, CONVJIT_BACKEND_AUTO, &orphan));
  convjit_engine_destroy(own);
  float weights[9], src[36], dst[36];
  fill_f32(weights, 9, 1.0f);
  fill_f32(src, 36, 1.0f);
  CHECK_OK(convjit_kernel_bind(orphan, weights, 9, NULL, 0));
  CHECK_OK(convjit_kernel_run(orphan, 1, src, 36, dst, 36));
  CHECK(box_ok_f32(dst, 1));
  convjit_kernel_destroy(orphan);
  convjit_kernel_destroy(kernel);
}

/* ---- Tuning and wisdom ------------------------------------------------------ */

static int file_exists(const char* path) {
  FILE* f = fopen(path, "rb");
  if (f) fclose(f);
  return f != NULL;
}

static void test_tune_and_wisdom(int has_jit) {
  char dir[] = "/tmp/convjit-c-api-XXXXXX";
  CHECK(mkdtemp(dir) != NULL);
  char saved[256], corrupt[256], missing[256], by_default[256];
  snprintf(saved, sizeof saved, "%s/saved.json", dir);
  snprintf(corrupt, sizeof corrupt, "%s/corrupt.json", dir);
  snprintf(missing, sizeof missing, "%s/missing.json", dir);
  snprintf(by_default, sizeof by_default, "%s/default.json", dir);

  convjit_engine* engine = NULL;
  CHECK_OK(convjit_engine_create(NULL, &engine));
  convjit_problem p = problem("mb1ic8ih12oc16kh3ph1", CONVJIT_F32, CONVJIT_NCX, 0);
  convjit_tune_result r;
  memset(&r, 0, sizeof r);
  CHECK_OK(convjit_engine_tune(engine, &p, CONVJIT_EFFORT_ESTIMATE, 0, &r));
  CHECK(r.plan && r.plan[0] != '\0' && r.heuristic_plan && r.measured == 0);
  CHECK(r.effort == CONVJIT_EFFORT_ESTIMATE && r.from_wisdom == 0 && r.failed == 0);
  CHECK_OK(convjit_engine_tune(engine, &p, CONVJIT_EFFORT_MEASURE, 0.3, &r));
  CHECK(r.failed == 0 && r.plan[0] != '\0');
  if (has_jit) {
    CHECK(r.effort == CONVJIT_EFFORT_MEASURE && r.measured >= 1 && r.candidates >= r.measured);
    CHECK(r.time_s > 0 && r.heuristic_s > 0);
  }
  const char* tuned_plan = r.plan;
  /* The tuned plan is what kernels run from then on. */
  convjit_kernel* kernel = NULL;
  CHECK_OK(convjit_kernel_create(engine, &p, CONVJIT_BACKEND_AUTO, &kernel));
  const char* plan = NULL;
  CHECK_OK(convjit_kernel_plan(kernel, &plan));
  CHECK(plan && strcmp(plan, tuned_plan) == 0);
  convjit_kernel_destroy(kernel);
  CHECK_OK(convjit_engine_tune(engine, &p, CONVJIT_EFFORT_MEASURE, 0.3, NULL)); /* no result */

  convjit_tune_result untouched;
  memset(&untouched, 0x5a, sizeof untouched);
  const convjit_tune_result before = untouched;
  CHECK_FAILS(convjit_engine_tune(NULL, &p, CONVJIT_EFFORT_ESTIMATE, 0, &untouched),
              CONVJIT_NULL_POINTER, "engine");
  CHECK_FAILS(convjit_engine_tune(engine, NULL, CONVJIT_EFFORT_ESTIMATE, 0, &untouched),
              CONVJIT_NULL_POINTER, "problem");
  CHECK_FAILS(convjit_engine_tune(engine, &p, (convjit_effort)4, 0, &untouched),
              CONVJIT_INVALID_ARGUMENT, "effort");
  CHECK_FAILS(convjit_engine_tune(engine, &p, CONVJIT_EFFORT_MEASURE, -1, &untouched),
              CONVJIT_INVALID_ARGUMENT, "budget_s");
  CHECK(contains(convjit_last_error_message(), "budget_s=-1 must be >= 0"));
  CHECK_FAILS(convjit_engine_tune(engine, &p, CONVJIT_EFFORT_MEASURE, nan(""), &untouched),
              CONVJIT_INVALID_ARGUMENT, "budget_s");
  convjit_problem bad = problem("mb1ic3ih32oc10kh2g3", CONVJIT_F32, CONVJIT_NCX, 0);
  CHECK_FAILS(convjit_engine_tune(engine, &bad, CONVJIT_EFFORT_ESTIMATE, 0, &untouched),
              CONVJIT_INVALID_ARGUMENT, "oc");
  CHECK(memcmp(&untouched, &before, sizeof before) == 0);

  /* Save, then a fresh engine answers from the file without measuring. */
  CHECK_OK(convjit_engine_save_wisdom(engine, saved));
  CHECK(file_exists(saved));
  CHECK_FAILS(convjit_engine_save_wisdom(engine, "/nonexistent-dir/w.json"), CONVJIT_IO_ERROR,
              "path");
  CHECK(contains(convjit_last_error_message(), "/nonexistent-dir/w.json"));
  CHECK_FAILS(convjit_engine_save_wisdom(engine, NULL), CONVJIT_INVALID_ARGUMENT, "path");
  CHECK_FAILS(convjit_engine_save_wisdom(NULL, saved), CONVJIT_NULL_POINTER, "engine");

  convjit_engine* fresh = NULL;
  CHECK_OK(convjit_engine_create(NULL, &fresh));
  int loaded = -1;
  CHECK_OK(convjit_engine_load_wisdom(fresh, saved, &loaded));
  CHECK(loaded == 1);
  CHECK_OK(convjit_engine_tune(fresh, &p, CONVJIT_EFFORT_MEASURE, 0.3, &r));
  if (has_jit) CHECK(r.from_wisdom == 1 && r.measured == 0 && strcmp(r.plan, tuned_plan) == 0);
  CHECK_OK(convjit_engine_load_wisdom(fresh, missing, &loaded));
  CHECK(loaded == 0); /* not there yet: not an error */
  CHECK_OK(convjit_engine_load_wisdom(fresh, saved, NULL));

  FILE* f = fopen(corrupt, "wb");
  CHECK(f != NULL);
  if (f) {
    fputs("{\"format\": \"convjit-wisdom\", \"entries\": [", f); /* cut short */
    fclose(f);
  }
  loaded = -1;
  CHECK_FAILS(convjit_engine_load_wisdom(fresh, corrupt, &loaded), CONVJIT_IO_ERROR, "path");
  CHECK(contains(convjit_last_error_message(), corrupt));
  CHECK(contains(convjit_last_error_message(), "corrupt"));
  CHECK(loaded == -1);
  CHECK_FAILS(convjit_engine_load_wisdom(fresh, "", &loaded), CONVJIT_INVALID_ARGUMENT, "path");
  CHECK_FAILS(convjit_engine_load_wisdom(fresh, NULL, &loaded), CONVJIT_NULL_POINTER, "path");
  CHECK_FAILS(convjit_engine_load_wisdom(NULL, saved, &loaded), CONVJIT_NULL_POINTER, "engine");
  convjit_engine_destroy(fresh);

  /* options.wisdom_path: loaded at creation (an unusable file is no error
   * there) and the default of a save with a NULL path. */
  convjit_engine_options options;
  memset(&options, 0, sizeof options);
  options.wisdom_path = corrupt;
  CHECK_OK(convjit_engine_create(&options, &fresh));
  convjit_engine_destroy(fresh);
  options.wisdom_path = by_default;
  CHECK_OK(convjit_engine_create(&options, &fresh));
  CHECK_OK(convjit_engine_tune(fresh, &p, CONVJIT_EFFORT_ESTIMATE, 0, NULL));
  CHECK_OK(convjit_engine_save_wisdom(fresh, NULL));
  CHECK(file_exists(by_default));
  convjit_engine_destroy(fresh);
  convjit_engine_destroy(engine);

  remove(saved);
  remove(corrupt);
  remove(by_default);
  CHECK(rmdir(dir) == 0);
}

/* ---- Out of memory ---------------------------------------------------------- */

#ifndef UNDER_ASAN

/* In a child process: an address-space limit a little above what the
 * process uses, then a bind whose packed weights (256 MiB) cannot fit.
 * Exit status 0: CONVJIT_OUT_OF_MEMORY, as it should be; 3: this machine
 * cannot set the experiment up (no memory to map, no limit allowed). */
static int out_of_memory_child(void) {
  convjit_engine_options options;
  memset(&options, 0, sizeof options);
  options.threads = 1; /* no OpenMP team: its thread stacks would need address space */
  convjit_engine* engine = NULL;
  convjit_kernel* kernel = NULL;
  convjit_problem p = problem("mb1ic1024ih1oc65536kh1", CONVJIT_F32, CONVJIT_NCX, 0);
  if (convjit_engine_create(&options, &engine) != CONVJIT_SUCCESS ||
      convjit_kernel_create(engine, &p, CONVJIT_BACKEND_AUTO, &kernel) != CONVJIT_SUCCESS) {
    fprintf(stderr, "out-of-memory child: setup failed: %s\n", convjit_last_error_message());
    return 2;
  }
  const int64_t elems = (int64_t)1024 * 65536;
  float* weights = calloc((size_t)elems, sizeof(float)); /* mapped, not touched */
  long pages = 0;
  FILE* statm = fopen("/proc/self/statm", "r");
  if (!weights || !statm || fscanf(statm, "%ld", &pages) != 1) return 3;
  fclose(statm);
  const rlim_t limit = (rlim_t)pages * (rlim_t)sysconf(_SC_PAGESIZE) + ((rlim_t)64 << 20);
  const struct rlimit rl = {limit, limit};
  if (setrlimit(RLIMIT_AS, &rl) != 0) return 3;
  const convjit_status status = convjit_kernel_bind(kernel, weights, elems, NULL, 0);
  if (status != CONVJIT_OUT_OF_MEMORY || !contains(convjit_last_error_message(), "memory")) {
    fprintf(stderr, "out-of-memory child: got %s: %s\n", convjit_status_string(status),
            convjit_last_error_message());
    return 1;
  }
  return 0;
}
#endif

static void test_out_of_memory(void) {
#ifdef UNDER_ASAN
  printf("out of memory: skipped under AddressSanitizer (its shadow memory needs the space)\n");
#else
  fflush(stdout);
  fflush(stderr);
  const pid_t pid = fork();
  CHECK(pid >= 0);
  if (pid == 0) _exit(out_of_memory_child());
  int status = 0;
  CHECK(waitpid(pid, &status, 0) == pid);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 3)
    printf("out of memory: skipped, the child could not map memory or limit it\n");
  else
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
#endif
}

int main(void) {
  unsetenv("CONVJIT_WISDOM"); /* the save-without-path check needs no default */
  /* First, while no OpenMP team exists: a forked child cannot use one. */
  test_out_of_memory();
  test_statuses();
  test_last_error_per_thread();
  test_engine();

  convjit_engine* engine = NULL;
  CHECK_OK(convjit_engine_create(NULL, &engine));
  if (!engine) {
    printf("%d passed, %d failed\n", passed, failed + 1);
    return 1;
  }
  test_kernel_create_errors(engine);
  test_warm_up(engine);
  /* The JIT exists where the CPU (capped by CONVJIT_MAX_ISA) has AVX2+FMA. */
  const char* cpu = "";
  CHECK_OK(convjit_engine_cpu(engine, &cpu));
  const int has_jit = !contains(cpu, "isa scalar");
  test_box(engine, CONVJIT_BACKEND_AUTO);
  test_box(engine, CONVJIT_BACKEND_INTERP);
  test_box(engine, CONVJIT_BACKEND_REFERENCE);
  if (has_jit) test_box(engine, CONVJIT_BACKEND_JIT);
  test_post_ops(engine, CONVJIT_NCX);
  test_post_ops(engine, CONVJIT_NXC);
  test_post_ops(engine, CONVJIT_NCX8C);
  test_ragged(engine);
  test_algorithms(engine);
  test_accessor_errors(engine);
  convjit_engine_destroy(engine);
  test_tune_and_wisdom(has_jit);

  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
