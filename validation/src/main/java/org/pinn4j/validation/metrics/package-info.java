/**
 * Error metrics comparing a prediction with a reference solution (relative L2, max abs, RMSE).
 * Plain arrays in, plain numbers out; no dependency on the rest of pinn4j.
 */
package org.pinn4j.validation.metrics;
