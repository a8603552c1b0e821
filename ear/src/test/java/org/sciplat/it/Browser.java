package org.sciplat.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's chromium and chromium-driver) driven through Selenium against the test server, with
 * a profile of its own that is deleted afterwards. Nothing is downloaded: the driver is named explicitly, so
 * Selenium Manager never runs.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of(System.getProperty("it.screenshot.dir", "target/screenshots"));
    private static final String CHROMIUM = System.getProperty("it.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("it.chromedriver", "/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Path profile;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Dimension size;

    private Browser(int width, int height) {
        size = new Dimension(width, height);
        try {
            profile = Files.createTempDirectory("chromium-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=" + width + "," + height,
                        "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        // over https, as a deployment is reached: the web UI's cookies are Secure, which a browser keeps to https
        // (the test server's certificate is its own)
        options.setAcceptInsecureCerts(true);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
    }

    /** A desktop-sized window. */
    public static Browser open() {
        return new Browser(1280, 900);
    }

    /** A phone-sized window. */
    public static Browser openNarrow() {
        return new Browser(390, 844);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(WebForm.HTTPS_URL + path);
    }

    /** The open page's path on the site, or its whole address when it is not the site's (about:blank). */
    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(WebForm.HTTPS_URL) ? url.substring(WebForm.HTTPS_URL.length()) : url;
    }

    public WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public void click(By locator) {
        wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    public void type(By locator, String text) {
        WebElement field = visible(locator);
        field.clear();
        field.sendKeys(text);
    }

    /** Waits for the page at exactly this path, whatever its query: "/tokens" is not "/tokens/created". */
    public void awaitPage(String path) {
        wait.until(d -> path().replaceAll("[?#].*", "").equals(path));
    }

    public void awaitPath(String pathStart) {
        wait.until(d -> path().startsWith(pathStart));
    }

    public void awaitText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    public void awaitGone(By locator) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    /** Waits for what the page sends in the background to be answered, typing's delayed checks included. */
    public void awaitQuiet() {
        try {
            Thread.sleep(600);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        wait.until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty();")));
    }

    /** Waits for the element with this id to have the keyboard's focus. */
    public void awaitFocus(String id) {
        wait.until(d -> id.equals(driver.switchTo().activeElement().getAttribute("id")));
    }

    public String heading() {
        return visible(By.tagName("h1")).getText();
    }

    /** Logs in through the login form, from wherever the browser is. */
    public void logIn(String username, String password) {
        if (!path().startsWith("/login")) {
            go("/login");
        }
        type(By.id("login:username"), username);
        type(By.id("login:password"), password);
        click(By.id("login:submit"));
    }

    /** Opens an item of the user menu at the upper right. */
    public void menu(String item) {
        click(By.id("menu:user_button"));
        click(By.xpath("//*[@id='menu:user_menu']//a[normalize-space(.)='" + item + "']"));
    }

    /** Confirms the open confirmation dialog. */
    public void confirm() {
        click(By.id("confirm-yes"));
    }

    /** Forgets every cookie of the site, as a browser closed and opened again: the next page needs a login. */
    public void forgetLogin() {
        go("/index.xhtml");
        driver.manage().deleteAllCookies();
    }

    /**
     * Leaves the browser as a fresh one finds the site: no page open, no cookie, nothing stored by the site, the
     * window at its first size and the console read; cheaper than starting another Chromium for each test.
     */
    public void reset() {
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", WebForm.HTTPS_URL,
                "storageTypes", "all"));
        driver.manage().window().setSize(size);
        driver.manage().logs().get(LogType.BROWSER);
    }

    /** Empties the browser's cache, so that the next page loads everything as a first visit does. */
    public void forgetCache() {
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
    }

    public String cookie(String name) {
        Cookie cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** What the browser's console reported since the last call, such as a refused script. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /**
     * What a failed test leaves to read: the window as target/failures/NAME.png, and the address, the title, the
     * console since the last read and the page's visible text, returned.
     */
    public String failureReport(String name) {
        StringBuilder report = new StringBuilder("browser at ").append(driver.getCurrentUrl()).append(" (")
                .append(driver.getTitle()).append(")");
        try {
            Path failures = SCREENSHOTS.resolveSibling("failures");
            Files.createDirectories(failures);
            Path shot = failures.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
            Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
            report.append("\n  window: ").append(shot.toAbsolutePath());
            driver.manage().logs().get(LogType.BROWSER).getAll()
                    .forEach(entry -> report.append("\n  console: ").append(entry.getLevel()).append(' ')
                            .append(entry.getMessage()));
            String text = driver.findElement(By.tagName("body")).getText();
            report.append("\n  text: ").append(text.length() > 3000 ? text.substring(0, 3000) + " ..." : text);
        } catch (IOException | RuntimeException e) {
            report.append("\n  (no more: ").append(e).append(')');
        }
        return report.toString();
    }

    /** Saves the window as target/screenshots/NAME.png, for the README. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
