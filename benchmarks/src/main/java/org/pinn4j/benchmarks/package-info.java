/**
 * JMH benchmarks of pinn4j's hot path: one full Burgers training step (Taylor-mode forward, reverse sweep,
 * Adam update) and the kernels it spends its time in. Run them from {@code benchmarks/target/benchmarks.jar}.
 */
package org.pinn4j.benchmarks;
