package dev.fmd.it.support;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Headless Debian Chromium, driven through its own ChromeDriver (nothing is downloaded), with a fresh profile and
 * no background networking: it talks to 127.0.0.1 only.
 */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;

    public Browser() {
        try {
            Path profile = Files.createTempDirectory(Path.of(System.getProperty("fmd.it.target", "target")), "chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,800", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Saves a screenshot of the whole page, 1280 pixels wide, as {@code target/screenshots/<name>.png}.
     *
     * @param name the file's name
     * @return the file
     * @throws IOException when it cannot be written
     */
    public Path screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("fmd.it.target", "target"), "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        long height = ((Number) driver.executeScript("return Math.max(document.documentElement.scrollHeight, "
                + "window.innerHeight)")).longValue();
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", 1280,
                "height", Math.min(height, 8000), "deviceScaleFactor", 1, "mobile", false));
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        }
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
