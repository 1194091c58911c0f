package org.pinn4j.autodiff;

/**
 * Whether pinn4j's kernels run on the JDK's Vector API: true when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} and the system property {@code pinn4j.vector} is not
 * {@code false}. Both paths compute the same bits; the vector path is faster.
 */
public final class VectorSupport {
    private static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("pinn4j.vector", "true"))
            && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorSupport() {}

    /** True when the Vector API kernels are in use in this JVM. */
    public static boolean enabled() {
        return ENABLED;
    }
}
