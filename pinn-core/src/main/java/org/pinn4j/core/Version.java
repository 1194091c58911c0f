package org.pinn4j.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The pinn4j version this build was made from (from the Maven project version). */
public final class Version {
    private static final String VERSION = load();

    private Version() {}

    /** The version string, e.g. "0.1.0-SNAPSHOT". */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
