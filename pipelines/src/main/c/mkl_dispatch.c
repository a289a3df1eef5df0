/*
 * Makes Intel MKL choose its kernels by the processor's instruction sets rather than by its vendor.
 *
 * The PyTorch engine's native library (libtorch_cpu.so) carries MKL, whose dispatcher asks
 * mkl_serv_intel_cpu_true() whether the processor is an Intel one and, on any other, runs its generic
 * kernels. On an AMD EPYC with AVX-512 those reached 86-105 GFLOP/s at the matrix products of the
 * translation benchmark, against 218-255 GFLOP/s for MKL's AVX-512 kernels on the same core
 * (BENCHMARKS.md, "MKL's code path on AMD processors"). The kernels MKL picks after this answer still
 * depend on the instruction sets the processor reports, so none it lacks is ever run.
 *
 * The seqpipe launcher builds this file on first use, where a C compiler is present, and preloads it
 * (LD_PRELOAD) on AMD processors; the definition here then takes the place of MKL's own.
 *
 *   cc -O2 -shared -fPIC -o libseqpipe-mkl-dispatch.so mkl_dispatch.c
 *   LD_PRELOAD=$PWD/libseqpipe-mkl-dispatch.so java -jar seqpipe.jar run pipeline.pipe
 */
int mkl_serv_intel_cpu_true(void) {
  return 1;
}
