/** pinn4j pinn-core module. See DESIGN.md for what this module may touch. */
package org.pinn4j.core;
