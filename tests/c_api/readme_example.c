/* A 6x6 image filtered with a 3x3 box filter, zero padding of 1, from C. */
#include <convjit/convjit.h>

#include <stdio.h>

int main(void) {
  convjit_engine* engine = NULL;  /* detects the CPU; threads: all cores */
  convjit_kernel* kernel = NULL;
  const char* plan = "";
  const convjit_problem box = {"mb1ic1ih6oc1kh3ph1", CONVJIT_F32, CONVJIT_NCX, 0,
                                CONVJIT_ALGORITHM_DIRECT};
  float weights[3 * 3], src[2 * 6 * 6], dst[2 * 6 * 6];  /* a batch of 2 */
  for (int i = 0; i < 9; ++i) weights[i] = 1.0f;
  for (int i = 0; i < 72; ++i) src[i] = 1.0f;

  /* Each call returns a status; the reason is on this thread's last error. */
  if (convjit_engine_create(NULL, &engine) != CONVJIT_SUCCESS ||
      convjit_kernel_create(engine, &box, CONVJIT_BACKEND_AUTO, &kernel) != CONVJIT_SUCCESS ||
      convjit_kernel_bind(kernel, weights, 9, NULL, 0) != CONVJIT_SUCCESS ||
      convjit_kernel_run(kernel, 2, src, 72, dst, 72) != CONVJIT_SUCCESS ||
      convjit_kernel_plan(kernel, &plan) != CONVJIT_SUCCESS) {
    fprintf(stderr, "%s\n", convjit_last_error_message());
    return 1;
  }
  /* Corners see 4 taps of the image, edges 6, the interior 9. */
  printf("%s: %g %g %g\n", plan, dst[0], dst[1], dst[7]);
  int failed = dst[0] != 4 || dst[1] != 6 || dst[7] != 9 || dst[36 + 7] != 9;

  /* An impossible problem is an error naming the field and the rule. */
  const convjit_problem bad = {"mb1ic3ih32oc10kh2g3", CONVJIT_F32, CONVJIT_NCX, 0,
                                CONVJIT_ALGORITHM_DIRECT};
  convjit_kernel* none = NULL;
  convjit_status status = convjit_kernel_create(engine, &bad, CONVJIT_BACKEND_AUTO, &none);
  printf("%s: %s: %s\n", convjit_status_string(status), convjit_last_error_field(),
         convjit_last_error_message());
  failed = failed || status != CONVJIT_INVALID_ARGUMENT;

  convjit_kernel_destroy(kernel);
  convjit_engine_destroy(engine);  /* NULL-safe, in any order */
  return failed;
}
