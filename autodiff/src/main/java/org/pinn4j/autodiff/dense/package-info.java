/**
 * Dense kernels outside the network sweep: dot products of long columns with a fixed lane arithmetic (the Gram
 * matrix J^T J of a Levenberg-Marquardt step), on the Vector API when present, with the same bits without it.
 */
package org.pinn4j.autodiff.dense;
