/* convjit's C ABI: the C++ API of <convjit/convjit.hpp> behind plain
 * integers, pointers and opaque handles, for C and every language with an
 * FFI (Julia's ccall, Python's ctypes, Rust). Valid C11; link libconvjit.so.
 *
 * Every call that can fail returns a convjit_status. On failure it changes
 * nothing the caller owns (out-parameters, dst buffers) and leaves the
 * reason in convjit_last_error_message() and convjit_last_error_field() of
 * the calling thread. No C++ exception ever crosses this boundary.
 *
 * Thread safety is the C++ API's: an engine may be used from any number of
 * threads at once; a kernel may run from any number of threads at once, but
 * binding it must not overlap a run of it. */
#ifndef CONVJIT_CONVJIT_H
#define CONVJIT_CONVJIT_H

#include <stddef.h>
#include <stdint.h>

#define CONVJIT_C_API __attribute__((visibility("default")))

/* In C++ the enums get int as their fixed underlying type, so that any int a
 * caller passes is a value of the type on the way in (and is then rejected
 * by convjit when unknown) rather than undefined behaviour. Same size in C:
 * an enum of these values is a 32-bit integer on every supported ABI. */
#ifdef __cplusplus
#define CONVJIT_ENUM(name) enum name : int
extern "C" {
#else
#define CONVJIT_ENUM(name) enum name
#endif

/* ---- Status and errors -------------------------------------------------- */

typedef CONVJIT_ENUM(convjit_status) {
  CONVJIT_SUCCESS = 0,
  CONVJIT_INVALID_ARGUMENT = 1, /* a value broke a rule; the field names it */
  CONVJIT_NULL_POINTER = 2,     /* a required handle or pointer was NULL */
  CONVJIT_IO_ERROR = 3,         /* a wisdom file unusable or not written */
  CONVJIT_OUT_OF_MEMORY = 4,    /* an allocation failed */
  CONVJIT_INTERNAL_ERROR = 5,   /* anything else: a bug in convjit */
} convjit_status;

/* A static name: "success", "invalid argument", ...; a value that is no
 * status gets "unknown status". Never NULL. */
CONVJIT_C_API const char* convjit_status_string(convjit_status status);

/* The message and field of the last failure on the calling thread, e.g.
 * "oc=10 is not divisible by g=3" and "oc": kept until the next failure on
 * that thread (success leaves them alone, as errno), "" before any. The
 * field is the input the error is about (a descriptor key, "weights",
 * "engine", "pairs[1].src", ...); "" for out of memory and internal errors.
 * Thread-local storage, never NULL: read it on the thread that failed
 * (Julia: before the task can yield), before its next convjit call. */
CONVJIT_C_API const char* convjit_last_error_message(void);
CONVJIT_C_API const char* convjit_last_error_field(void);

/* The library's version, "MAJOR.MINOR.PATCH"; static. */
CONVJIT_C_API const char* convjit_version(void);

/* ---- Problems ----------------------------------------------------------- */

typedef CONVJIT_ENUM(convjit_dtype) { CONVJIT_F32 = 0, CONVJIT_F64 = 1 } convjit_dtype;

/* Activation layouts: channels second (NCW/NCHW/NCDHW), channels last, or
 * oneDNN's blocked nChw8c / nChw16c, whose last block is padded to 8 or 16
 * channels that convjit never reads and leaves as they were. */
typedef CONVJIT_ENUM(convjit_layout) {
  CONVJIT_NCX = 0,
  CONVJIT_NXC = 1,
  CONVJIT_NCX8C = 2,
  CONVJIT_NCX16C = 3,
} convjit_layout;

/* Bits of convjit_problem.post_ops: dst += bias[oc], then dst = max(dst, 0). */
enum { CONVJIT_POST_BIAS = 1, CONVJIT_POST_RELU = 2 };

/* How a kernel may compute. DIRECT: every strategy but Winograd's (exact
 * but for the order of its sums). WINOGRAD: F(2x2,3x3) or F(4x4,3x3), fewer
 * multiplications and a larger rounding error (in f32 up to about 2e-5 of
 * the largest output; README.md, Winograd), for 2D 3x3 stride-1 undilated
 * convolutions with several channels per group; any other problem is
 * CONVJIT_INVALID_ARGUMENT naming "algorithm", with the reason. FASTEST:
 * the fastest of all that apply. WINOGRAD_2X2: the accurate Winograd,
 * F(2x2,3x3) only, about 1.8x the multiplications of F(4x4,3x3) and a
 * fifth to a seventh of its error (less than direct convolution's on
 * ResNet-50 and VGG-19 layers). Other values are an error. */
typedef CONVJIT_ENUM(convjit_algorithm) {
  CONVJIT_ALGORITHM_DIRECT = 0,
  CONVJIT_ALGORITHM_WINOGRAD = 1,
  CONVJIT_ALGORITHM_FASTEST = 2,
  CONVJIT_ALGORITHM_WINOGRAD_2X2 = 3,
} convjit_algorithm;

/* One convolution, as the C++ ConvDesc holds it. A zeroed struct with desc
 * set is f32, NCX, no post-ops, direct. New fields are added at the end
 * (algorithm came after post_ops in 0.x): a zeroed struct keeps meaning the
 * same problem, so zero it (memset, or = {0}) before setting fields. */
typedef struct convjit_problem {
  const char* desc; /* benchdnn descriptor, e.g. "mb1ic3ih32oc10kh2sh2" */
  convjit_dtype dtype;
  convjit_layout layout;
  unsigned post_ops; /* CONVJIT_POST_* bits; others are an error */
  convjit_algorithm algorithm; /* kernels, warm-up and tuning alike */
} convjit_problem;

/* ---- Engines ------------------------------------------------------------ */

/* An engine detects the CPU, holds the options and the cache of compiled
 * code, and hands out kernels. */
typedef struct convjit_engine convjit_engine;

/* A zeroed struct, like NULL options, asks for every default. */
typedef struct convjit_engine_options {
  int threads;             /* 0: all cores (OpenMP's default); < 0 is an error */
  const char* max_isa;     /* "avx512", "avx2", "scalar"; NULL or "": CONVJIT_MAX_ISA, or none */
  const char* wisdom_path; /* tuned plans, loaded now, saved by default; NULL/"": CONVJIT_WISDOM */
  int flush_denormals;     /* nonzero: FTZ/DAZ while kernels run (faster, inexact on denormals) */
} convjit_engine_options;

/* *engine is set only on success; free it with convjit_engine_destroy. An
 * unusable wisdom file is not an error here (the C++ API logs a warning):
 * call convjit_engine_load_wisdom to learn why. */
CONVJIT_C_API convjit_status convjit_engine_create(const convjit_engine_options* options,
                                                   convjit_engine** engine);
/* NULL is a no-op. Kernels keep what they need of their engine, so engines
 * and kernels may be destroyed in any order (finalizers run in no set order). */
CONVJIT_C_API void convjit_engine_destroy(convjit_engine* engine);
/* The CPU on one line: vendor, model, ISA in use and detected, caches.
 * Owned by the engine, valid until it is destroyed. */
CONVJIT_C_API convjit_status convjit_engine_cpu(const convjit_engine* engine, const char** cpu);
/* The threads each run uses (options.threads resolved). */
CONVJIT_C_API convjit_status convjit_engine_threads(const convjit_engine* engine, int* threads);

/* ---- Kernels ------------------------------------------------------------ */

/* A convolution ready to run: bind the weights once, then run any batch size. */
typedef struct convjit_kernel convjit_kernel;

/* AUTO is the JIT where the CPU (capped) has AVX2+FMA, else the
 * interpreter; JIT on a CPU without them is an error. */
typedef CONVJIT_ENUM(convjit_backend) {
  CONVJIT_BACKEND_AUTO = 0,
  CONVJIT_BACKEND_JIT = 1,
  CONVJIT_BACKEND_INTERP = 2,
  CONVJIT_BACKEND_REFERENCE = 3,
} convjit_backend;

/* Compiles (or takes from the engine's cache) the kernel of a problem,
 * with the engine's tuned plan for it if it has one. *kernel is set only on
 * success; free it with convjit_kernel_destroy. */
CONVJIT_C_API convjit_status convjit_kernel_create(convjit_engine* engine,
                                                   const convjit_problem* problem,
                                                   convjit_backend backend,
                                                   convjit_kernel** kernel);
/* NULL is a no-op. */
CONVJIT_C_API void convjit_kernel_destroy(convjit_kernel* kernel);
/* Plans and compiles `count` problems now, so that convjit_kernel_create of
 * any of them later only takes it from the engine's caches: no compile on a
 * hot path. Stops at the first invalid problem (INVALID_ARGUMENT, the
 * message starting "problems[i]: "); those before it stay compiled. */
CONVJIT_C_API convjit_status convjit_engine_warm_up(convjit_engine* engine,
                                                    const convjit_problem* problems, size_t count);

/* Element counts (not bytes) of the buffers a kernel reads and writes.
 * src and dst are per image, blocked layouts' padding channels included:
 * a batch of n needs n times them. */
typedef struct convjit_sizes {
  int64_t src_per_image;
  int64_t dst_per_image;
  int64_t weights; /* [g,] oc/g, ic/g, [kd,] [kh,] kw, row-major */
  int64_t bias;    /* oc; 0 without CONVJIT_POST_BIAS */
} convjit_sizes;
CONVJIT_C_API convjit_status convjit_kernel_sizes(const convjit_kernel* kernel,
                                                  convjit_sizes* sizes);

/* Buffers come with their element counts so that a wrong one is an error,
 * not an overrun: fewer elements than the kernel needs is
 * CONVJIT_INVALID_ARGUMENT naming the buffer (more are allowed; the rest is
 * not read). Data are the problem's dtype, densely packed. */

/* Copies (and packs) the weights, and the bias, which the kernel needs iff
 * its problem has CONVJIT_POST_BIAS (otherwise bias must be NULL; its count
 * is then ignored). On failure the kernel is as it was. Not to overlap a run. */
CONVJIT_C_API convjit_status convjit_kernel_bind(convjit_kernel* kernel, const void* weights,
                                                 int64_t weight_elems, const void* bias,
                                                 int64_t bias_elems);

/* dst = conv(src) for a batch of images, spread over the engine's threads.
 * Weights must be bound. A batch of 0 does nothing, and its src and dst may
 * be NULL. Allocates nothing; on failure dst is untouched. */
CONVJIT_C_API convjit_status convjit_kernel_run(const convjit_kernel* kernel, int64_t batch,
                                                const void* src, int64_t src_elems, void* dst,
                                                int64_t dst_elems);

/* One tensor of a ragged batch: any batch size, the kernel's per-image shape. */
typedef struct convjit_tensor_pair {
  int64_t batch;
  const void* src;
  int64_t src_elems;
  void* dst;
  int64_t dst_elems;
} convjit_tensor_pair;

/* Runs every pair in one call, their images spread over the threads as one
 * batch. Each pair is checked as convjit_kernel_run checks its arguments;
 * on any error no dst is touched. The pairs are converted in a per-thread
 * array that grows to the largest count the thread has run and is then
 * reused: only a call with more pairs than any before it on its thread
 * allocates. pairs may be NULL when count is 0. */
CONVJIT_C_API convjit_status convjit_kernel_run_ragged(const convjit_kernel* kernel,
                                                       const convjit_tensor_pair* pairs,
                                                       size_t count);

/* The plan the kernel runs, on one line ("reference" for the reference).
 * Owned by the kernel, valid until it is destroyed; so are the next two. */
CONVJIT_C_API convjit_status convjit_kernel_plan(const convjit_kernel* kernel, const char** plan);
/* Its machine code as annotated Intel-syntax assembly; "" for the
 * interpreter and the reference. Made on the first call (thread-safe). */
CONVJIT_C_API convjit_status convjit_kernel_disassembly(const convjit_kernel* kernel,
                                                        const char** text);
/* Its machine code; size 0 and code NULL for the interpreter and the reference. */
CONVJIT_C_API convjit_status convjit_kernel_code(const convjit_kernel* kernel, const uint8_t** code,
                                                 size_t* size);

/* ---- Tuning and wisdom -------------------------------------------------- */

/* How hard convjit_engine_tune works, as FFTW's planner does. */
typedef CONVJIT_ENUM(convjit_effort) {
  CONVJIT_EFFORT_ESTIMATE = 0,   /* nothing measured: the planner's heuristic plan */
  CONVJIT_EFFORT_MEASURE = 1,    /* the cost model's best few candidates, about a second */
  CONVJIT_EFFORT_PATIENT = 2,    /* a wider neighbourhood, about ten seconds */
  CONVJIT_EFFORT_EXHAUSTIVE = 3, /* every legal candidate, no time limit */
} convjit_effort;

typedef struct convjit_tune_result {
  const char* plan;           /* the chosen plan, on one line */
  const char* heuristic_plan; /* the planner's pick without measuring */
  double time_s;              /* min time per run of plan; 0: not measured */
  double heuristic_s;         /* the same for the heuristic plan */
  int candidates;             /* legal plans for the problem */
  int measured;               /* checked (output exact on integer data) and timed */
  int failed;                 /* computed a wrong output: reported as bugs */
  int from_wisdom;            /* 1: the wisdom answered, nothing was measured */
  convjit_effort effort;      /* the effort that found plan */
} convjit_tune_result;

/* Finds the fastest plan for the problem on this CPU (unless the wisdom
 * already answers at this effort or more) and records it in the engine's
 * wisdom: kernels made for the problem from then on run it. budget_s:
 * seconds for the problem, compiling and checking included; 0 is the
 * effort's own. result may be NULL; its strings are owned by the engine and
 * valid until it is destroyed. */
CONVJIT_C_API convjit_status convjit_engine_tune(convjit_engine* engine,
                                                 const convjit_problem* problem,
                                                 convjit_effort effort, double budget_s,
                                                 convjit_tune_result* result);

/* Merges a wisdom file into the engine's. A file that does not exist is
 * SUCCESS with *loaded = 0 (a program's first run, before it saves), a
 * merged one SUCCESS with *loaded = 1; loaded may be NULL. An unusable file
 * (stale, foreign, truncated, corrupt) is CONVJIT_IO_ERROR with the reason
 * in the message, and nothing of it is merged. */
CONVJIT_C_API convjit_status convjit_engine_load_wisdom(convjit_engine* engine, const char* path,
                                                        int* loaded);
/* Writes the engine's wisdom, merged with what the file holds, through a
 * temporary file and a rename. A NULL or "" path: options.wisdom_path or
 * CONVJIT_WISDOM (CONVJIT_INVALID_ARGUMENT naming "path" when neither is
 * set). A file that cannot be written is CONVJIT_IO_ERROR. */
CONVJIT_C_API convjit_status convjit_engine_save_wisdom(const convjit_engine* engine,
                                                        const char* path);

#ifdef __cplusplus
} /* extern "C" */
#endif

#undef CONVJIT_ENUM

#endif /* CONVJIT_CONVJIT_H */
