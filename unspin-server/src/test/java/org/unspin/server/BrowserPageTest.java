package org.unspin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.unspin.detect.CheckReport;
import org.unspin.report.HtmlReport;
import org.unspin.report.ReportView;

/**
 * The page in a real browser: headless Debian Chromium driven through /usr/bin/chromedriver.
 * Skipped with a message when the browser is missing, unless {@code UNSPIN_REQUIRE_BROWSER=1}
 * (set by {@code .ci/run}), where a missing browser fails. Screenshots go to
 * {@code target/screenshots/}.
 */
class BrowserPageTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final String SPUN = "Analysts said the choice was expected after colossal information showed inflation "
      + "running above the target.";

  static ChromeDriver driver;
  static UnspinServer server;
  static Path userData;

  @BeforeAll
  static void startBrowser() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present) {
      String msg = "browser test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
          + "): apt-get install -y chromium chromium-driver";
      if ("1".equals(System.getenv("UNSPIN_REQUIRE_BROWSER"))) {
        fail(msg + " (UNSPIN_REQUIRE_BROWSER=1)");
      }
      Assumptions.abort("skipped: " + msg);
    }
    server = UnspinServer.start(ServerConfig.defaults().withPort(0), Engine.of(SharedModels.unspin()));
    userData = Files.createTempDirectory("unspin-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + userData, "--window-size=1200,1000");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
    if (userData != null) {
      try (var walk = Files.walk(userData)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static void screenshot(String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  static String tooltip(WebElement e) {
    return (String) ((JavascriptExecutor) driver).executeScript(
        "return getComputedStyle(arguments[0], '::after').content;", e);
  }

  @Test
  void pastedSpunTextIsHighlightedAndRestored() throws Exception {
    driver.manage().window().setSize(new Dimension(1200, 1000));
    driver.get(server.uri().toString());
    WebElement area = driver.findElement(By.id("input-text"));
    area.sendKeys(SPUN);
    driver.findElement(By.id("check-button")).click();
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(
        ExpectedConditions.attributeToBe(By.id("result"), "data-rendered", "true"));

    List<WebElement> marks = driver.findElements(By.cssSelector("#unspin-marked mark.finding"));
    assertFalse(marks.isEmpty(), "no highlighted finding");
    WebElement colossal = marks.stream().filter(m -> m.getText().contains("colossal")).findFirst()
        .orElseThrow(() -> new AssertionError("'colossal information' not highlighted: " + marks.size()));
    assertTrue(colossal.getAttribute("data-suggestion").contains("big"), colossal.getAttribute("data-suggestion"));
    // The page shows what the library says: the same restoration, verdict and score.
    CheckReport expected = SharedModels.unspin().check(SPUN);
    String restored = driver.findElement(By.id("unspin-restored")).getText();
    assertEquals(expected.restored().strip(), restored.strip());
    assertEquals(expected.edits().isEmpty(),
        driver.findElements(By.cssSelector("#unspin-restored ins.edit")).isEmpty(), "changes marked");
    assertEquals(expected.verdict().name().toLowerCase(java.util.Locale.ROOT),
        driver.findElement(By.id("unspin-verdict")).getText().toLowerCase(java.util.Locale.ROOT));
    WebElement gauge = driver.findElement(By.cssSelector("[role=meter]"));
    assertEquals(Math.round(expected.spunProbability() * 100),
        Integer.parseInt(gauge.getAttribute("aria-valuenow")), 1, gauge.getAttribute("aria-valuenow"));

    // Keyboard: tabbing reaches the highlight, and focus alone shows the suggestion.
    driver.findElement(By.id("check-button")).sendKeys(Keys.TAB);
    WebElement focused = driver.switchTo().activeElement();
    for (int i = 0; i < 10 && !"finding".equals(focused.getAttribute("class")); i++) {
      focused.sendKeys(Keys.TAB);
      focused = driver.switchTo().activeElement();
    }
    assertEquals("finding", focused.getAttribute("class"), "Tab never reached a highlight");
    assertTrue(tooltip(focused).contains("\u2192"), "no tooltip on focus: " + tooltip(focused));
    screenshot("serve-page.png");

    // A phone-sized window: one column, nothing wider than the screen.
    driver.manage().window().setSize(new Dimension(390, 844));
    Long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertTrue(overflow <= 0, "page wider than a phone screen by " + overflow + " px");
    screenshot("serve-page-phone.png");
  }

  @Test
  void serverErrorIsShownOnThePage() {
    driver.manage().window().setSize(new Dimension(1200, 1000));
    driver.get(server.uri().toString());
    driver.findElement(By.id("input-text")).sendKeys("<html><body><script>var x;</script></body></html>");
    driver.findElement(By.id("check-button")).click();
    WebElement error = new WebDriverWait(driver, Duration.ofSeconds(30)).until(
        ExpectedConditions.visibilityOfElementLocated(By.id("error")));
    assertTrue(error.getText().contains("no text"), error.getText());
  }

  @Test
  void standaloneReportFileRendersOffline() throws Exception {
    String html = HtmlReport.render(ReportView.of("spun.txt", SharedModels.unspin().check(SPUN)));
    Path file = Path.of("target", "screenshots", "report.html").toAbsolutePath();
    Files.createDirectories(file.getParent());
    Files.writeString(file, html, StandardCharsets.UTF_8);
    driver.manage().window().setSize(new Dimension(1200, 1000));
    driver.get(file.toUri().toString());
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(
        ExpectedConditions.attributeToBe(By.id("unspin-report"), "data-rendered", "true"));
    assertFalse(driver.findElements(By.cssSelector("#unspin-marked mark.finding")).isEmpty());
    assertEquals(SharedModels.unspin().check(SPUN).restored().strip(),
        driver.findElement(By.id("unspin-restored")).getText().strip());
    screenshot("check-html-report.png");
  }

  @Test
  void uploadedHtmlFileIsReadAsHtmlAndChecked() throws Exception {
    Path page = Files.createTempFile("unspin-upload-", ".html");
    try {
      Files.writeString(page, "<!DOCTYPE html><html><head><title>t</title></head><body><nav><a href=\"/\">Home</a></nav>"
          + "<article><p>" + SPUN + "</p></article></body></html>", StandardCharsets.UTF_8);
      driver.manage().window().setSize(new Dimension(1200, 1000));
      driver.get(server.uri().toString());
      driver.findElement(By.id("input-file")).sendKeys(page.toString());
      new WebDriverWait(driver, Duration.ofSeconds(10)).until(
          d -> d.findElement(By.id("input-text")).getAttribute("value").contains("<article>"));
      assertTrue(driver.findElement(By.id("input-html")).isSelected(), "HTML box not ticked for an .html file");
      driver.findElement(By.id("check-button")).click();
      new WebDriverWait(driver, Duration.ofSeconds(60)).until(
          ExpectedConditions.attributeToBe(By.id("result"), "data-rendered", "true"));
      String shown = driver.findElement(By.id("unspin-marked")).getText();
      assertFalse(shown.contains("<p>") || shown.contains("<article>"), "markup shown: " + shown);
      assertTrue(shown.contains("colossal information"), shown);
      assertFalse(driver.findElements(By.cssSelector("#unspin-marked mark.finding")).isEmpty());
    } finally {
      Files.deleteIfExists(page);
    }
  }

  @Test
  void anUploadedPageThatIsNotUtf8IsReadInTheCharsetItDeclares() throws Exception {
    Path page = Files.createTempFile("unspin-upload-", ".html");
    Path plain = Files.createTempFile("unspin-upload-", ".txt");
    try {
      Files.write(page, ("<html><head><meta charset=\"iso-8859-1\"></head><body><p>The caf\u00e9 " + SPUN
          + "</p></body></html>").getBytes(StandardCharsets.ISO_8859_1));
      driver.get(server.uri().toString());
      driver.findElement(By.id("input-file")).sendKeys(page.toString());
      new WebDriverWait(driver, Duration.ofSeconds(10)).until(
          d -> d.findElement(By.id("input-text")).getAttribute("value").contains("The caf\u00e9 "));
      assertFalse(driver.findElement(By.id("input-text")).getAttribute("value").contains("\ufffd"));
      // not UTF-8 and no charset declared: an error, not a text with replacement characters
      Files.write(plain, "The caf\u00e9 on the corner.".getBytes(StandardCharsets.ISO_8859_1));
      driver.findElement(By.id("input-file")).sendKeys(plain.toString());
      new WebDriverWait(driver, Duration.ofSeconds(10)).until(
          d -> d.findElement(By.id("error")).isDisplayed());
      String shown = driver.findElement(By.id("error")).getText();
      assertTrue(shown.contains(plain.getFileName().toString()) && shown.contains("not UTF-8"), shown);
    } finally {
      Files.deleteIfExists(page);
      Files.deleteIfExists(plain);
    }
  }

  @Test
  void matchedSourceIsShownPassageByPassage() throws Exception {
    Path dir = Files.createTempDirectory("unspin-index-");
    try {
      try (org.unspin.index.SourceIndexWriter w = org.unspin.index.SourceIndexWriter.create(dir,
          org.unspin.index.IndexOptions.defaults())) {
        w.add("rates-1", null, TraceServerTest.SOURCE);
        w.add("sport-1", null, "Liverpool drew with Arsenal at Anfield on Saturday evening in a dull match.");
      }
      try (org.unspin.index.SourceIndex index = org.unspin.index.SourceIndex.open(dir);
          UnspinServer s = UnspinServer.start(ServerConfig.defaults().withPort(0),
              Engines.create(SharedModels.unspin(), index))) {
        driver.manage().window().setSize(new Dimension(1200, 1400));
        driver.get(s.uri().toString());
        driver.findElement(By.id("input-text")).sendKeys(TraceServerTest.SPUN);
        driver.findElement(By.id("check-button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(
            ExpectedConditions.attributeToBe(By.id("result"), "data-rendered", "true"));
        WebElement trace = driver.findElement(By.id("unspin-trace"));
        assertTrue(trace.getText().contains("rates-1"), trace.getText());
        List<WebElement> cells = trace.findElements(By.cssSelector("td.passage"));
        assertFalse(cells.isEmpty(), "no aligned passages");
        assertTrue(cells.stream().anyMatch(c -> c.getText().contains("central bank")), "source passage missing");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", trace);
        screenshot("serve-page-trace.png");
      }
    } finally {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
