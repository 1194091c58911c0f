/**
 * Computational domains: intervals, boxes, disks, polygons, their CSG combinations and
 * space-time products, with interior and boundary sampling (points feature-major, boundary
 * points with outward unit normals).
 */
package org.pinn4j.core.geometry;
