// Peak double-precision FMA rate of this CPU, the 'machine floor' reference for the Burgers step
// (issue 7). Build and run: gcc -O2 -mavx2 -mfma -fopenmp benchmarks/floor/peak_fma.c -o /tmp/peak && /tmp/peak
#include <immintrin.h>
#include <stdio.h>
#include <time.h>
#include <omp.h>
// FMA throughput: 12 independent accumulators of 4 doubles (AVX2), enough to cover FMA latency x 2 pipes
static double run(long iters) {
  __m256d a[12]; __m256d m = _mm256_set1_pd(0.999999), c = _mm256_set1_pd(1e-7);
  for (int i = 0; i < 12; i++) a[i] = _mm256_set1_pd(i);
  for (long k = 0; k < iters; k++) {
    for (int i = 0; i < 12; i++) a[i] = _mm256_fmadd_pd(a[i], m, c);
  }
  double s = 0; double o[4];
  for (int i = 0; i < 12; i++) { _mm256_storeu_pd(o, a[i]); s += o[0]+o[1]+o[2]+o[3]; }
  return s;
}
int main() {
  long iters = 200000000;
  for (int t = 1; t <= 2; t++) {
    double s = 0; double t0 = omp_get_wtime();
    #pragma omp parallel for num_threads(t) reduction(+:s)
    for (int j = 0; j < t; j++) s += run(iters);
    double dt = omp_get_wtime() - t0;
    printf("threads=%d GFLOP/s=%.1f (check %g)\n", t, 2.0*4*12*iters*t/dt/1e9, s);
  }
}
