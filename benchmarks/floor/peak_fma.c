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
// FMA throughput: 12 independent accumulators, enough to cover FMA latency x 2 pipes
static double run(long iters) {
  VEC a[12]; VEC m = SET1(0.999999), c = SET1(1e-7);
  for (int i = 0; i < 12; i++) a[i] = SET1(i);
  for (long k = 0; k < iters; k++) {
    for (int i = 0; i < 12; i++) a[i] = FMADD(a[i], m, c);
  }
  double s = 0; double o[LANES];
  for (int i = 0; i < 12; i++) { STORE(o, a[i]); for (int l = 0; l < LANES; l++) s += o[l]; }
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
