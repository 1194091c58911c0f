package org.pinn4j.spark;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.pinn4j.core.io.AtomicFiles;

/**
 * Runs a {@link Sweep} on Spark: one Spark task per sweep task, each training on an executor into
 * {@code OUT/tasks/<id>}, their rows collected on the driver and written to {@code OUT/}{@value #CSV_FILE}, with the
 * report, page and charts of {@link SweepReport}.
 *
 * <p>{@link #local(int)} starts the embedded local master inside this JVM (a laptop); {@link #on(JavaSparkContext)}
 * uses a context the caller made for a cluster, whose executors must reach OUT at the same path. The JVM running Spark
 * on Java 17 needs the {@code --add-opens} flags of Spark's launcher (this module's pom lists them).
 */
public final class SparkSweep {
    /** One row per task, in the sweep's task order. */
    public static final String CSV_FILE = "sweep.csv";

    /**
     * The JVM flags of Spark's own launcher for Java 17 ({@code JavaModuleOptions}) and the Vector API module of the
     * training kernels: what an executor JVM is started with.
     */
    public static final String EXECUTOR_JAVA_OPTIONS = "-XX:+IgnoreUnrecognizedVMOptions"
            + " --add-modules=jdk.incubator.vector"
            + " --add-opens=java.base/java.lang=ALL-UNNAMED"
            + " --add-opens=java.base/java.lang.invoke=ALL-UNNAMED"
            + " --add-opens=java.base/java.lang.reflect=ALL-UNNAMED"
            + " --add-opens=java.base/java.io=ALL-UNNAMED"
            + " --add-opens=java.base/java.net=ALL-UNNAMED"
            + " --add-opens=java.base/java.nio=ALL-UNNAMED"
            + " --add-opens=java.base/java.util=ALL-UNNAMED"
            + " --add-opens=java.base/java.util.concurrent=ALL-UNNAMED"
            + " --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED"
            + " --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED"
            + " --add-opens=java.base/sun.nio.ch=ALL-UNNAMED"
            + " --add-opens=java.base/sun.nio.cs=ALL-UNNAMED"
            + " --add-opens=java.base/sun.security.action=ALL-UNNAMED"
            + " --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
            + " -Djdk.reflect.useDirectMethodHandle=false"
            + " -Dio.netty.tryReflectionSetAccessible=true";

    private final JavaSparkContext given;
    private final int localCores;
    private final String clusterMaster;

    private SparkSweep(JavaSparkContext given, int localCores) {
        this(given, localCores, null);
    }

    private SparkSweep(JavaSparkContext given, int localCores, String clusterMaster) {
        this.given = given;
        this.localCores = localCores;
        this.clusterMaster = clusterMaster;
    }

    /**
     * Sweeps on the embedded master {@code local[cores]} (cores &gt;= 1), started for each {@link #run} and stopped
     * after it; at most cores / threads-per-task tasks train at once.
     */
    public static SparkSweep local(int cores) {
        if (cores < 1) {
            throw new IllegalArgumentException("local master cores must be >= 1; got " + cores);
        }
        return new SparkSweep(null, cores);
    }

    /**
     * Sweeps on the standalone cluster at {@code master} (spark://HOST:PORT): a context is started for each {@link
     * #run} and stopped after it; the executors get this module's jar (the one this class was loaded from, with
     * Spark and pinn4j inside) and the JVM flags Spark and the training kernels need. The output directory must be
     * reachable at the same path on every worker.
     */
    public static SparkSweep cluster(String master) {
        if (master == null || !master.startsWith("spark://")) {
            throw new IllegalArgumentException("a cluster master is spark://HOST:PORT; got " + master);
        }
        return new SparkSweep(null, 0, master);
    }

    /**
     * Sweeps on a context the caller started and stops; its {@code spark.task.cpus} must equal the sweep's threads
     * per task, so that tasks times threads never exceeds an executor's cores.
     */
    public static SparkSweep on(JavaSparkContext context) {
        if (context == null) {
            throw new IllegalArgumentException("a Spark context must be given");
        }
        return new SparkSweep(context, 0);
    }

    /**
     * The configuration of a sweep's context: {@code master}, {@code spark.task.cpus} = threads per task, no web UI,
     * the driver on 127.0.0.1 for a local master or one on this machine's loopback address.
     */
    public static SparkConf configuration(String master, int threadsPerTask) {
        SparkConf conf = new SparkConf()
                .setMaster(master)
                .setAppName("pinn4j sweep")
                .set("spark.task.cpus", Integer.toString(threadsPerTask))
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false");
        if (master.startsWith("local")
                || master.startsWith("spark://127.0.0.1:")
                || master.startsWith("spark://localhost:")) {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        return conf;
    }

    /**
     * Trains every task of {@code sweep} not already finished under {@code out} and writes {@code out/sweep.csv}.
     *
     * @return one row per task, in task order; a task that failed is a row with its message, never an exception
     * @throws IllegalArgumentException for a sweep that does not fit the problem (names, ranges, recipes) or more
     *     threads per task than the local master has cores
     */
    public List<SweepRow> run(Sweep sweep, Path out) {
        List<SweepTask> tasks = sweep.tasks();
        Path dir = out.toAbsolutePath().normalize();
        List<SweepRow> rows;
        if (given != null) {
            String cpus = given.getConf().get("spark.task.cpus", "1");
            if (!cpus.equals(Integer.toString(sweep.threadsPerTask()))) {
                throw new IllegalArgumentException("the Spark context's spark.task.cpus is " + cpus + " but the sweep"
                        + " trains on " + sweep.threadsPerTask() + " thread(s) per task; set them equal");
            }
            rows = collect(given, tasks, dir);
        } else if (clusterMaster != null) {
            SparkConf conf = configuration(clusterMaster, sweep.threadsPerTask())
                    .set("spark.executor.extraJavaOptions", EXECUTOR_JAVA_OPTIONS);
            ownJar().ifPresent(jar -> conf.set("spark.jars", jar));
            try (JavaSparkContext sc = new JavaSparkContext(conf)) {
                rows = collect(sc, tasks, dir);
            }
        } else {
            if (sweep.threadsPerTask() > localCores) {
                throw new IllegalArgumentException("threads per task (" + sweep.threadsPerTask()
                        + ") exceed the local master's " + localCores + " core(s)");
            }
            try (JavaSparkContext sc =
                    new JavaSparkContext(configuration("local[" + localCores + "]", sweep.threadsPerTask()))) {
                sc.setLogLevel("WARN");
                rows = collect(sc, tasks, dir);
            }
        }
        AtomicFiles.writeString(dir.resolve(CSV_FILE), csv(sweep, rows));
        SweepReport.write(sweep, sweep.factory().create(), rows, dir);
        return rows;
    }

    /** The jar this class was loaded from, if it was loaded from a jar (not from classes in a build directory). */
    static java.util.Optional<String> ownJar() {
        try {
            java.security.CodeSource src =
                    SparkSweep.class.getProtectionDomain().getCodeSource();
            if (src == null) {
                return java.util.Optional.empty();
            }
            Path p = Path.of(src.getLocation().toURI());
            return p.toString().endsWith(".jar") ? java.util.Optional.of(p.toString()) : java.util.Optional.empty();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static List<SweepRow> collect(JavaSparkContext sc, List<SweepTask> tasks, Path dir) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        String out = dir.toString();
        return new ArrayList<>(sc.parallelize(tasks, tasks.size())
                .map(t -> TaskRunner.run(t, out))
                .collect());
    }

    /** The rows as CSV: task, recipe, each swept name, seed, rel_l2, max_abs_error, seconds, status, message. */
    static String csv(Sweep sweep, List<SweepRow> rows) {
        List<String> header = new ArrayList<>(List.of("task", "problem", "recipe"));
        header.addAll(sweep.sweptNames());
        header.addAll(List.of("seed", "rel_l2", "max_abs_error", "seconds", "status", "message"));
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(
                w,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(header.toArray(new String[0]))
                        .setRecordSeparator("\n")
                        .build())) {
            for (SweepRow r : rows) {
                List<Object> line = new ArrayList<>(List.of(r.task(), r.problem(), r.recipe()));
                for (String name : sweep.sweptNames()) {
                    line.add(Sweep.format(r.parameters().get(name)));
                }
                line.add(r.seed());
                line.add(number(r.relL2()));
                line.add(number(r.maxAbsError()));
                line.add(r.seconds());
                line.add(r.status());
                line.add(r.message());
                p.printRecord(line);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w.toString();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
