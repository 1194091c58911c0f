package org.pinn4j.validation.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Consumer;

/** Crafted model files: a saved file edited and signed again, as a deliberate editor would. */
final class ModelFiles {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private ModelFiles() {}

    /** Writes to {@code to} a copy of the model file {@code from}, edited by {@code edit}, with its checksum recomputed. */
    static Path resigned(Path from, Path to, Consumer<ObjectNode> edit) throws Exception {
        ObjectNode o = (ObjectNode) PLAIN.readTree(from.toFile());
        o.remove("checksum");
        edit.accept(o);
        // the file format's checksum: SHA-256 of the compact JSON of everything but the checksum, as the reader
        // sees it (it reads numbers as doubles, so 1E+999 counts as Infinity)
        ObjectNode asRead = (ObjectNode) PLAIN.readTree(PLAIN.writeValueAsBytes(o));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(PLAIN.writeValueAsBytes(asRead));
        o.put("checksum", HexFormat.of().formatHex(digest));
        Files.writeString(
                to, PLAIN.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o));
        return to;
    }
}
