package org.pinn4j.plots;

/**
 * Switches AWT to headless mode before the first chart is created, unless the user chose, and keeps ImageIO's
 * streams in memory.
 */
final class Headless {

    private Headless() {}

    /**
     * Sets {@code java.awt.headless=true} if the property is unset (an application that set the property
     * itself, for example a Swing GUI showing charts, keeps its choice), and turns off ImageIO's file cache
     * ({@code ImageIO.setUseCache(false)}; SVG charts embed PNG images through ImageIO).
     */
    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // ImageIO's default cache files (java.io.tmpdir) fail on a full disk, and their closer registers a
        // shutdown hook, which fails while the JVM shuts down (a run saving its work on SIGTERM); charts are small
        javax.imageio.ImageIO.setUseCache(false);
    }
}
