package org.pinn4j.plots;

/** Switches AWT to headless mode before the first chart is created, unless the user chose. */
final class Headless {

    private Headless() {}

    /**
     * Sets {@code java.awt.headless=true} if the property is unset. An application that set the
     * property itself (for example a Swing GUI showing charts) keeps its choice.
     */
    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
