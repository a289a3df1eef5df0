/*
 * What the host gives side-by-side processes: a loop of independent multiply-adds on registers only (no
 * memory traffic), timed; prints its GFLOPS. bench/run-spark.sh runs one copy, then two side by side: on a
 * machine whose cores are its own, each of two copies runs as fast as one alone; where the host shares them
 * (other guests of a hypervisor, hyperthreads of one core, a lower clock with both cores busy) each runs slower,
 * and no two processes of any program there scale better than that.
 *
 *   cc -O3 -march=native -o cpu-pair bench/cpu-pair.c && ./cpu-pair 3000000000
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define LANES 64 /* independent chains, enough to keep every multiply-add unit busy */

int main(int argc, char **argv) {
  long iterations = argc > 1 ? atol(argv[1]) : 3000000000L;
  /* values the compiler cannot see, so that it can neither fold the loop nor find it does nothing */
  volatile float scale = 0.5f, shift = 1.0f;
  float m = scale, c = shift, x[LANES];
  for (int i = 0; i < LANES; i++) {
    x[i] = (float) i;
  }
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (long r = 0; r < iterations; r++) {
    for (int i = 0; i < LANES; i++) {
      x[i] = x[i] * m + c;
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  float sum = 0; /* printed, so that the loop is not optimized away */
  for (int i = 0; i < LANES; i++) {
    sum += x[i];
  }
  double seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
  printf("%.2f GFLOPS in %.2f s (%g)\n", 2.0 * LANES * iterations / seconds / 1e9, seconds, sum);
  return 0;
}
