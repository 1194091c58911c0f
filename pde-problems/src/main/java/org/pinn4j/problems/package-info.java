/** pinn4j pde-problems module. See DESIGN.md for what this module may touch. */
package org.pinn4j.problems;
