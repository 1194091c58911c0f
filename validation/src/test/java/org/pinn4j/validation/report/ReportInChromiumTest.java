package org.pinn4j.validation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.pinn4j.problems.BenchmarkProblem;
import org.pinn4j.problems.Catalogue;
import org.pinn4j.validation.runner.Runner;
import org.pinn4j.validation.runner.Validation;
import org.pinn4j.validation.runner.ValidationEntry;

/**
 * Opens the validation page and a run page in headless Chromium (Debian's chromium and chromedriver) and
 * checks what a person would see: every image loaded, one table row per problem. Screenshots are kept in
 * target/report-screenshots. Skipped, with the reason, where Chromium is not installed.
 */
class ReportInChromiumTest {
    /** Where the screenshots are kept for people to look at (module directory is the working directory). */
    private static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

    /** Selenium warns that it has no DevTools binding for this Chromium version; the test uses none (kept: JUL holds loggers weakly). */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    @TempDir
    Path tmp;

    @Test
    void validationPageAndRunPageShowEveryChart() throws Exception {
        Optional<Path> chromium = onPath("chromium", "chromium-browser");
        Optional<Path> chromedriver = onPath("chromedriver");
        List<String> missing = new ArrayList<>();
        if (chromium.isEmpty()) {
            missing.add("chromium");
        }
        if (chromedriver.isEmpty()) {
            missing.add("chromedriver");
        }
        String why = "headless Chromium test skipped: " + String.join(" and ", missing)
                + " not found on PATH; install with: apt-get install chromium chromium-driver (.ci/run does this)";
        if (!missing.isEmpty()) {
            System.err.println(why); // also in the build log, not only in the test report
        }
        Assumptions.assumeTrue(missing.isEmpty(), why);

        Path dir = tmp.resolve("validate");
        List<BenchmarkProblem> problems = List.of(Catalogue.get("poisson-1d"), ReportProblems.heat(40));
        List<ValidationEntry> entries = new Validation(new Runner(new ChartArtifacts()))
                .run(problems, dir, true, OptionalInt.empty(), line -> {});
        assertTrue(entries.stream().allMatch(ValidationEntry::ok), entries.toString());

        SELENIUM_LOG.setLevel(Level.SEVERE);
        Path profile = Files.createDirectory(tmp.resolve("chromium-profile"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--user-data-dir=" + profile,
                "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            Files.createDirectories(SCREENSHOTS);

            // the validation page: one row per problem, the charts of both runs
            List<Path> pngs = new ArrayList<>();
            for (BenchmarkProblem p : problems) {
                pngs.addAll(pngsIn(dir.resolve(p.name())));
            }
            browser.get(dir.resolve(Validation.INDEX_FILE).toUri().toString());
            assertEquals(
                    2L,
                    js(browser, "return document.querySelectorAll('#results tbody tr').length;"),
                    "one table row per problem");
            checkImages(browser, dir, pngs);
            screenshot(browser, SCREENSHOTS.resolve("validate-index.png"));

            // the page of the 2-D run
            Path run = dir.resolve("heat");
            browser.get(run.resolve(RunPage.FILE).toUri().toString());
            assertEquals(1L, js(browser, "return document.querySelectorAll('#results tbody tr').length;"));
            checkImages(browser, run, pngsIn(run));
            screenshot(browser, SCREENSHOTS.resolve("heat-index.png"));
        } finally {
            browser.quit();
        }
    }

    /** Every image of the page loaded with the size of its PNG file, and every PNG is shown. */
    @SuppressWarnings("unchecked")
    private static void checkImages(ChromeDriver browser, Path base, List<Path> pngs) throws Exception {
        List<Map<String, Object>> images = (List<Map<String, Object>>) browser.executeScript(
                "return Array.from(document.images).map(i => ({src: i.getAttribute('src'), complete: i.complete,"
                        + " width: i.naturalWidth, height: i.naturalHeight}));");
        assertEquals(pngs.size(), images.size(), "one image per PNG chart: " + images);
        for (Map<String, Object> img : images) {
            String src = (String) img.get("src");
            assertTrue((Boolean) img.get("complete"), src);
            BufferedImage file = ImageIO.read(base.resolve(src).toFile());
            assertNotNull(file, src);
            assertTrue(((Number) img.get("width")).longValue() > 0, src + " did not load (naturalWidth 0)");
            // the browser decoded the same picture the file holds
            assertEquals(file.getWidth(), ((Number) img.get("width")).longValue(), src);
            assertEquals(file.getHeight(), ((Number) img.get("height")).longValue(), src);
            assertTrue(pngs.contains(base.resolve(src).normalize()), src + " is not one of " + pngs);
        }
    }

    /** A screenshot of the whole page: the window is grown to the page height (again if the layout changes with it). */
    private static void screenshot(ChromeDriver browser, Path file) throws Exception {
        for (int i = 0; i < 4; i++) {
            long height = ((Number) js(browser, "return document.documentElement.scrollHeight;")).longValue();
            long inner = ((Number) js(browser, "return window.innerHeight;")).longValue();
            if (inner >= height || inner >= 12000) {
                break;
            }
            Dimension now = browser.manage().window().getSize();
            browser.manage().window().setSize(new Dimension(1400, (int)
                    Math.min(now.getHeight() + height - inner + 10, 12000)));
        }
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(img, "screenshot is a PNG");
        assertTrue(img.getWidth() >= 1000, "screenshot width " + img.getWidth());
        Files.write(file, png);
    }

    private static Object js(ChromeDriver browser, String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static List<Path> pngsIn(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".png"))
                    .map(Path::normalize)
                    .sorted()
                    .toList();
        }
    }

    /** The first of the named executables found on PATH. */
    private static Optional<Path> onPath(String... names) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : names) {
            for (String d : path.split(File.pathSeparator)) {
                Path f = Path.of(d, name);
                if (Files.isRegularFile(f) && Files.isExecutable(f)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }
}
