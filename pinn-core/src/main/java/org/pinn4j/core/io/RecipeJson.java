package org.pinn4j.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.pinn4j.autodiff.Activation;
import org.pinn4j.core.nn.NetworkConfig;
import org.pinn4j.core.optim.GradientOptimizer;
import org.pinn4j.core.optim.LbfgsSettings;
import org.pinn4j.core.optim.LearningRateSchedule;
import org.pinn4j.core.optim.LevenbergMarquardtSettings;
import org.pinn4j.core.optim.OptimizerSettings;
import org.pinn4j.core.optim.QuasiNewtonSettings;
import org.pinn4j.core.optim.ScheduleSettings;
import org.pinn4j.core.train.Phase;
import org.pinn4j.core.train.Recipe;

/**
 * A {@link Recipe} as JSON and back, as model files and checkpoints record it: the network, seed, sampler,
 * tile size, progress interval, adaptive weights, the start model's fingerprint (not the model) and every phase with all its settings (settings records are
 * written component by component, with their record type). Reading gives an equal recipe; a custom phase
 * (built from suppliers) comes back with its label and lengths and suppliers that refuse to run, since what
 * they made was never recorded. The thread count is not written: it does not decide the result.
 */
public final class RecipeJson {
    private RecipeJson() {}

    /** The recipe as a JSON object. */
    public static ObjectNode write(Recipe r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        NetworkConfig n = r.network();
        ObjectNode net = o.putObject("network");
        ArrayNode hidden = net.putArray("hidden");
        for (int w : n.hiddenWidths()) {
            hidden.add(w);
        }
        net.put("activation", n.activation().label());
        net.put("initializer", n.initializer());
        if (n.fourierFeatureCount() > 0) {
            net.putObject("fourier").put("features", n.fourierFeatureCount()).put("scale", n.fourierScale());
        }
        if (!n.inputMaps().isEmpty()) {
            ArrayNode maps = net.putArray("inputMaps");
            n.inputMaps().forEach(m -> maps.add(settings((Record) m)));
        }
        o.put("seed", r.seed());
        o.put("sampler", r.sampler());
        o.put("tileSize", r.tileSize());
        o.put("logEvery", r.logEvery());
        if (r.annealEvery() > 0) {
            o.putObject("adaptiveWeights").put("every", r.annealEvery()).put("alpha", r.annealAlpha());
        }
        r.startFingerprint().ifPresent(f -> o.putObject("startFrom").put("fingerprint", f));
        ArrayNode phases = o.putArray("phases");
        for (Phase p : r.phases()) {
            phases.add(phase(p));
        }
        return o;
    }

    private static ObjectNode phase(Phase p) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("mode", p.mode().name().toLowerCase(java.util.Locale.ROOT));
        o.put("label", p.label());
        o.put("length", p.length());
        if (p.mode() == Phase.Mode.EPOCHS) {
            o.put("batchSize", p.batchSize());
            if (!p.conditionBatchSizes().isEmpty()) {
                ObjectNode sizes = o.putObject("conditionBatchSizes");
                p.conditionBatchSizes().forEach(sizes::put);
            }
        }
        if (p.resampleEvery() > 0) {
            o.put("resampleEvery", p.resampleEvery());
        }
        if (p.residualSampling() != null) {
            o.set("residualSampling", settings(p.residualSampling()));
        }
        if (p.residualAttention() != null) {
            o.set("residualAttention", settings(p.residualAttention()));
        }
        if (p.refinement() != null) {
            Phase.Refinement f = p.refinement();
            o.putObject("refinement")
                    .put("condition", f.condition())
                    .put("every", f.every())
                    .put("candidates", f.candidates())
                    .put("add", f.add());
        }
        if (p.isCustom()) {
            o.put("custom", true);
        }
        p.optimizerSettings().ifPresent(s -> o.set("optimizer", settings((Record) s)));
        p.scheduleSettings().ifPresent(s -> o.set("schedule", settings((Record) s)));
        p.lbfgsSettings().ifPresent(s -> o.set("lbfgs", settings(s)));
        p.quasiNewtonSettings().ifPresent(s -> o.set("quasiNewton", settings(s)));
        p.levenbergMarquardtSettings().ifPresent(s -> o.set("levenbergMarquardt", settings(s)));
        return o;
    }

    /** {"type": record name, then each component}. */
    private static ObjectNode settings(Record r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", r.getClass().getSimpleName());
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object v = value(r, c);
            if (v instanceof Double d) {
                o.put(c.getName(), d);
            } else if (v instanceof Long l) {
                o.put(c.getName(), l);
            } else if (v instanceof Integer i) {
                o.put(c.getName(), i);
            } else if (v instanceof Boolean b) {
                o.put(c.getName(), b);
            } else if (v instanceof String t) {
                o.put(c.getName(), t);
            } else {
                throw new IllegalStateException(r.getClass() + " has a component of unsupported type " + c.getType());
            }
        }
        return o;
    }

    private static Object value(Record r, RecordComponent c) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass(), e);
        }
    }

    /**
     * The recipe in {@code o} (as {@link #write} made it), with {@code threads} threads.
     *
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public static Recipe read(JsonNode o, int threads) {
        JsonNode net = o.path("network");
        JsonNode hiddenNode = require(net, "hidden", "network");
        int[] hidden = new int[hiddenNode.size()];
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = hiddenNode.get(i).asInt();
        }
        NetworkConfig network = NetworkConfig.hidden(hidden)
                .activation(
                        Activation.byName(require(net, "activation", "network").asText()))
                .initializer(require(net, "initializer", "network").asText());
        if (net.has("fourier")) {
            network = network.fourierFeatures(
                    net.path("fourier").path("features").asInt(),
                    net.path("fourier").path("scale").asDouble());
        }
        for (JsonNode m : net.path("inputMaps")) {
            network = network.inputMap(settings(m, NetworkConfig.InputMap.class));
        }
        List<Phase> phases = new ArrayList<>();
        for (JsonNode p : require(o, "phases", "recipe")) {
            phases.add(phase(p));
        }
        Recipe r = Recipe.of(network, phases.toArray(new Phase[0]))
                .withSeed(require(o, "seed", "recipe").asLong())
                .withSampler(require(o, "sampler", "recipe").asText())
                .withTileSize(require(o, "tileSize", "recipe").asInt())
                .withLogEvery(o.path("logEvery").asInt(100))
                .withThreads(threads);
        if (o.has("adaptiveWeights")) {
            r = r.withAdaptiveWeights(
                    o.path("adaptiveWeights").path("every").asInt(),
                    o.path("adaptiveWeights").path("alpha").asDouble());
        }
        if (o.has("startFrom")) {
            r = r.startFromRecorded(
                    require(o.path("startFrom"), "fingerprint", "startFrom").asText());
        }
        return r;
    }

    private static Phase phase(JsonNode o) {
        String mode = require(o, "mode", "phase").asText();
        String label = require(o, "label", "phase").asText();
        int length = require(o, "length", "phase").asInt();
        int batchSize = o.path("batchSize").asInt(0);
        Phase p;
        if (o.path("custom").asBoolean(false)) {
            Supplier<GradientOptimizer> opt = () -> {
                throw new IllegalStateException(notRebuilt(label));
            };
            Supplier<LearningRateSchedule> schedule = () -> {
                throw new IllegalStateException(notRebuilt(label));
            };
            p = switch (mode) {
                case "steps" -> Phase.steps(opt, schedule, length, label);
                case "epochs" -> Phase.epochs(opt, schedule, length, batchSize, label);
                default ->
                    throw new IllegalArgumentException(
                            "phase '" + label + "': custom phases are first-order, not " + mode);
            };
        } else {
            p = switch (mode) {
                case "steps" ->
                    Phase.steps(
                            settings(require(o, "optimizer", "phase"), OptimizerSettings.class),
                            settings(require(o, "schedule", "phase"), ScheduleSettings.class),
                            length);
                case "epochs" ->
                    Phase.epochs(
                            settings(require(o, "optimizer", "phase"), OptimizerSettings.class),
                            settings(require(o, "schedule", "phase"), ScheduleSettings.class),
                            length,
                            batchSize);
                case "lbfgs" -> Phase.lbfgs(length, settings(require(o, "lbfgs", "phase"), LbfgsSettings.class));
                case "bfgs", "ssbroyden" ->
                    Phase.denseQuasiNewton(
                            mode.equals("bfgs") ? Phase.Mode.BFGS : Phase.Mode.SSBROYDEN,
                            length,
                            settings(require(o, "quasiNewton", "phase"), QuasiNewtonSettings.class));
                case "levenberg_marquardt" ->
                    Phase.levenbergMarquardt(
                            length,
                            settings(require(o, "levenbergMarquardt", "phase"), LevenbergMarquardtSettings.class));
                default ->
                    throw new IllegalArgumentException("phase '" + label + "': mode '" + mode
                            + "'; expected steps, epochs, lbfgs, bfgs, ssbroyden or levenberg_marquardt");
            };
            if (!p.label().equals(label)) {
                p = p.withLabel(label);
            }
        }
        if (o.has("conditionBatchSizes")) {
            java.util.Iterator<java.util.Map.Entry<String, JsonNode>> sizes =
                    o.path("conditionBatchSizes").fields();
            while (sizes.hasNext()) {
                java.util.Map.Entry<String, JsonNode> e = sizes.next();
                if (!e.getValue().canConvertToInt()) {
                    throw new IllegalArgumentException("phase '" + label + "': batch size of condition '" + e.getKey()
                            + "' is " + e.getValue() + "; expected a whole number");
                }
                p = p.withBatchSize(e.getKey(), e.getValue().asInt());
            }
        }
        if (o.has("residualSampling")) {
            p = p.resampleByResidual(
                    o.path("resampleEvery").asInt(),
                    settings(o.path("residualSampling"), Phase.ResidualSampling.class));
        } else if (o.has("resampleEvery")) {
            p = p.resampleEvery(o.path("resampleEvery").asInt());
        }
        if (o.has("residualAttention")) {
            p = p.withResidualAttention(settings(o.path("residualAttention"), Phase.ResidualAttention.class));
        }
        if (o.has("refinement")) {
            JsonNode f = o.path("refinement");
            p = p.refine(
                    f.path("condition").asText(),
                    f.path("every").asInt(),
                    f.path("candidates").asInt(),
                    f.path("add").asInt());
        }
        return p;
    }

    private static String notRebuilt(String label) {
        return "phase 'custom:" + label + "' was read from a file: its optimizer and schedule were made by code"
                + " and not recorded, so it cannot run";
    }

    /** The settings record of {@code base}'s permitted types (or {@code base} itself) that {@code o} describes. */
    private static <T> T settings(JsonNode o, Class<T> base) {
        String type = require(o, "type", "settings").asText();
        Class<?> record = null;
        if (base.isRecord() && base.getSimpleName().equals(type)) {
            record = base;
        } else if (base.isSealed()) {
            for (Class<?> c : base.getPermittedSubclasses()) {
                if (c.getSimpleName().equals(type)) {
                    record = c;
                }
            }
        }
        if (record == null) {
            throw new IllegalArgumentException("unknown " + base.getSimpleName() + " type '" + type + "'");
        }
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            JsonNode v = o.get(components[i].getName());
            if ((v == null || v.isNull()) && ADDED_LATER.containsKey(type + "." + components[i].getName())) {
                args[i] = ADDED_LATER.get(type + "." + components[i].getName());
                continue;
            }
            v = require(o, components[i].getName(), type);
            if (types[i] == double.class) {
                args[i] = v.asDouble();
            } else if (types[i] == long.class) {
                args[i] = v.asLong();
            } else if (types[i] == int.class) {
                args[i] = v.asInt();
            } else if (types[i] == boolean.class) {
                args[i] = v.asBoolean();
            } else if (types[i] == String.class) {
                args[i] = v.asText();
            } else {
                throw new IllegalStateException(record + " has a component of unsupported type " + types[i]);
            }
        }
        try {
            Constructor<?> canonical = record.getDeclaredConstructor(types);
            return base.cast(canonical.newInstance(args));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) {
                throw bad;
            }
            throw new IllegalStateException("cannot make " + type, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + type, e);
        }
    }

    /**
     * Settings added after files were first written, with the value that files without them ran with (the
     * Cholesky test of H did not exist: never; the Wolfe constants were fixed at 1e-4 and 0.9).
     */
    private static final Map<String, Object> ADDED_LATER = Map.of(
            "QuasiNewtonSettings.positiveDefiniteCheckEvery", 0,
            "QuasiNewtonSettings.wolfeC1", 1e-4,
            "QuasiNewtonSettings.wolfeC2", 0.9);

    private static JsonNode require(JsonNode o, String field, String owner) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(owner + " has no field '" + field + "'");
        }
        return v;
    }
}
