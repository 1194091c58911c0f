/** pinn4j plots module. See DESIGN.md for what this module may touch. */
package org.pinn4j.plots;
