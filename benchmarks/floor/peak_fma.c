// Peak double-precision FMA rate of this CPU, the 'machine floor' reference for the Burgers step
// (issue 7). Build and run:
//   gcc -O2 -mavx2 -mfma -fopenmp benchmarks/floor/peak_fma.c -o /tmp/peak && /tmp/peak                 (256-bit)
//   gcc -O2 -mavx512f -mfma -fopenmp benchmarks/floor/peak_fma.c -o /tmp/peak512 && /tmp/peak512        (512-bit)
// pinn4j's kernels use the JDK's preferred vector width (512-bit where AVX-512 exists), so the 512-bit figure
// is the floor to compare with when the CPU has AVX-512.
#include <immintrin.h>
#include <stdio.h>
#include <time.h>
#include <omp.h>
#ifdef __AVX512F__
#define VEC __m512d
#define LANES 8
#define SET1 _mm512_set1_pd
#define FMADD _mm512_fmadd_pd
#define STORE _mm512_storeu_pd
#define WIDTH "512-bit"
#else
#define VEC __m256d
#define LANES 4
#define SET1 _mm256_set1_pd
#define FMADD _mm256_fmadd_pd
#define STORE _mm256_storeu_pd
#define WIDTH "256-bit"
#endif
// FMA throughput: 12 independent accumulators, enough to cover FMA latency x 2 pipes. They are 12 named
// variables, not an array: gcc -O2 keeps an array of vectors in memory, and the store-to-load chain through
// it then measures about half the peak.
#define STEP(x) x = FMADD(x, m, c)
static double run(long iters) {
  VEC m = SET1(0.999999), c = SET1(1e-7);
  VEC a0 = SET1(0), a1 = SET1(1), a2 = SET1(2), a3 = SET1(3), a4 = SET1(4), a5 = SET1(5);
  VEC a6 = SET1(6), a7 = SET1(7), a8 = SET1(8), a9 = SET1(9), a10 = SET1(10), a11 = SET1(11);
  for (long k = 0; k < iters; k++) {
    STEP(a0); STEP(a1); STEP(a2); STEP(a3); STEP(a4); STEP(a5);
    STEP(a6); STEP(a7); STEP(a8); STEP(a9); STEP(a10); STEP(a11);
  }
  VEC all[12] = {a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11};
  double s = 0; double o[LANES];
  for (int i = 0; i < 12; i++) { STORE(o, all[i]); for (int l = 0; l < LANES; l++) s += o[l]; }
  return s;
}
int main() {
  long iters = 200000000 / (LANES / 4);
  for (int t = 1; t <= 2; t++) {
    double s = 0; double t0 = omp_get_wtime();
    #pragma omp parallel for num_threads(t) reduction(+:s)
    for (int j = 0; j < t; j++) s += run(iters);
    double dt = omp_get_wtime() - t0;
    printf("%s threads=%d GFLOP/s=%.1f (check %g)\n", WIDTH, t, 2.0*LANES*12*iters*t/dt/1e9, s);
  }
}
