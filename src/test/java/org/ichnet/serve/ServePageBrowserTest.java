package org.ichnet.serve;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.ichnet.serve.ServeFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The page in a real browser: Debian's headless Chromium and chromedriver (installed by .ci/run), driven by
 * Selenium. It asks for the token, takes it, uploads the bundled DICOM, and shows the decision, the chart
 * and a Grad-CAM overlay. Skipped, with the reason, where Chromium is not installed. With
 * {@code -Dichnet.screenshot=FILE} it keeps a screenshot of the result.
 */
class ServePageBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String TOKEN = "browser-token";

    @Test
    void uploadShowsDecisionChartAndOverlay() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) System.err.println("ServePageBrowserTest SKIPPED: no " + CHROMIUM + " or " + CHROMEDRIVER);
        Assumptions.assumeTrue(installed, "browser test skipped: " + CHROMIUM + " and " + CHROMEDRIVER
                + " are needed (apt-get install -y chromium chromium-driver; .ci/run does it)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1500");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        try (IchnetServer server = ServeFixture.start(ServeSettings.local(TOKEN, 2))) {
            WebDriver browser = new ChromeDriver(service, options);
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                browser.get("http://127.0.0.1:" + server.port() + "/");
                assertTrue(browser.findElement(By.id("disclaimer")).getText().contains("not a medical device"));
                WebElement tokenField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
                tokenField.sendKeys(TOKEN);
                browser.findElement(By.cssSelector("#token-form button")).click();
                wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("token-form")));
                WebElement file = browser.findElement(By.id("file"));
                ((JavascriptExecutor) browser).executeScript("arguments[0].style.display = 'block';", file);
                file.sendKeys(SAMPLE_DICOM.toAbsolutePath().toString());
                WebElement decision = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decision")));
                // the bundled slice holds an SDH; the shipped model flags it (its type split is weak, so the type is not checked)
                assertTrue(decision.getText().startsWith("Hemorrhage suspected: "), decision.getText());
                assertEquals(1, browser.findElements(By.cssSelector("#chart svg rect.bar")).size(), "one bar per slice");
                WebElement overlay = browser.findElement(By.cssSelector("#flagged img.overlay"));
                Object width = ((JavascriptExecutor) browser).executeScript(
                        "return arguments[0].complete ? arguments[0].naturalWidth : -1;", overlay);
                assertTrue(((Number) width).intValue() > 256, "the Grad-CAM figure decoded: " + width);
                assertEquals(1, browser.findElements(By.cssSelector("#flagged img.slice")).size());
                String screenshot = System.getProperty("ichnet.screenshot");
                if (screenshot != null) {
                    ((JavascriptExecutor) browser).executeScript("arguments[0].style.display = '';", file);
                    Files.write(Path.of(screenshot), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                }
            } finally {
                browser.quit();
            }
        }
    }
}
