package dev.userlifecycle.app.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userlifecycle.app.Http;
import dev.userlifecycle.app.TestApiKeys;
import dev.userlifecycle.app.ProjectionCatchUp;
import dev.userlifecycle.query.analytics.AnalyticsStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.opentest4j.TestAbortedException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The growth dashboard in a real browser (Debian's headless Chromium) against the running app, in a database of its
 * own: first empty, then with the history of {@link DashboardData}. Each test looks at what a person would check,
 * in the page's text and in the figures its tables and tiles expose, and saves screenshots of each view at a
 * laptop's and a phone's width under {@code target/screenshots/}. The app runs without the sagas role, so nothing
 * but the test acts on the history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lifecycle.mongo.database=dashboard_${random.uuid}", "lifecycle.roles=command,query",
                      "lifecycle.layering.schedule=-"})
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    /** A key of the test profile the API accepts for the analyst's and the auditor's queries. */
    static final String KEY = TestApiKeys.EVERY_ROLE;
    static final String WRONG_KEY = "not-a-known-key";
    private static final String MARCH = "?from=2025-03-03&to=2025-03-30";
    private static final String NO_DATA = "No data yet: import history or send events.";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;
    @Autowired
    AnalyticsStore analytics;

    Http http;
    Chromium browser;
    String noBrowser;
    boolean loaded;

    @BeforeAll
    void startTheBrowser() {
        http = new Http(rest);
        try {
            browser = Chromium.start("Asia/Shanghai", Path.of("target", "screenshots"));
        } catch (TestAbortedException missing) {
            noBrowser = missing.getMessage();
            System.err.println("DashboardBrowserTest skipped: " + noBrowser);
        }
    }

    /** Each test is reported skipped, with the reason, when there is no browser outside CI. */
    @BeforeEach
    void needsTheBrowser() {
        Assumptions.assumeTrue(browser != null, () -> noBrowser);
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void anEmptyDatabaseSaysThereIsNoDataYetInEveryView() {
        browser.open(url("/"));
        enterKey(KEY);

        browser.awaitPanel("kpis", "empty");
        assertThat(browser.shown("#kpis .state")).isEqualTo(NO_DATA);
        assertThat(browser.shown("#lifecycle .state")).isEqualTo(NO_DATA);
        assertThat(browser.script("return location.pathname")).as("/ leads to the dashboard").isEqualTo("/dashboard");
        browser.screenshot("empty-growth-desktop");
        for (String view : List.of("retention", "layers", "wakeup", "incidents")) {
            browser.find("nav a[data-view='" + (view.equals("wakeup") ? "wake-up" : view) + "']").click();
            browser.awaitPanel(view, "empty");
            assertThat(browser.shown("#" + view + " .state")).as(view).isEqualTo(NO_DATA);
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(2)
    void aRefusedKeyIsShownOnThePageAndAnotherKeyCanBeEntered() {
        browser.open(url("/dashboard#growth"));
        browser.find("#key-forget").click();
        enterKey(WRONG_KEY);

        browser.awaitPanel("kpis", "error");
        assertThat(browser.find("#kpis .state [data-error]").getDomAttribute("data-error")).isEqualTo("unauthorized");
        assertThat(browser.shown("#kpis .state")).contains("The API key was refused (401 Unauthorized)");
        assertThat(browser.shown("#banner")).contains("The API key was refused");
        browser.screenshot("refused-key-desktop");

        browser.find("#banner-action").click();
        assertThat(browser.shown("#key-error")).contains("refused");
        enterKey(KEY);

        browser.awaitPanel("kpis", "empty");
        assertThat(browser.find("#banner").isDisplayed()).isFalse();
        assertThat(browser.consoleErrors()).as("the browser reports the refused requests, nothing else")
                                           .isNotEmpty().allMatch(error -> error.contains("status of 401"));
    }

    @Test
    @Order(3)
    void theGrowthViewShowsTheKpisAndTheLifecycleOfTheChosenRange() {
        history();
        browser.open(url("/dashboard" + MARCH + "#growth"));

        browser.awaitPanel("kpis", "ready");
        assertThat(tile("activeUsers")).isEqualTo("24");
        assertThat(tile("activationRate")).isEqualTo("75.0%");
        assertThat(browser.shown("[data-kpi=activationRate] .note")).isEqualTo("of 20 registered in the range");
        assertThat(tile("nextDayRetention")).isEqualTo("40.0%");
        assertThat(tile("averageOrderValue")).isEqualTo("34.00 CNY");
        assertThat(tile("repeatPurchaseRate")).isEqualTo("42.9%");
        assertThat(tile("viralCoefficient")).isEqualTo("0.15");
        browser.awaitPanel("lifecycle", "ready");
        browser.find("#lifecycle details.figures summary").click();
        WebElement week = browser.find("#lifecycle-table tr[data-interval='2025-03-10']");
        assertThat(week.getText()).as("new, returning, resurrecting, dormant")
                                  .isEqualTo("10 Mar 2025 6 2 1 7 1.00");
        browser.screenshots("growth");

        browser.script("document.getElementById('range-from').value = '2025-03-10';"
                       + "document.getElementById('range-to').value = '2025-03-16';");
        browser.find("#range button[type=submit]").click();

        browser.await("the KPIs of 10 to 16 March", page -> page.content("#kpis-caption").startsWith("10 Mar 2025"));
        browser.awaitPanel("kpis", "ready");
        assertThat(tile("activeUsers")).as("cohort 03-10, a1, a3 and o6").isEqualTo("9");
        assertThat(browser.script("return location.search")).isEqualTo("?from=2025-03-10&to=2025-03-16");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(4)
    void theRetentionViewShowsEachCohortsShareAsAHeatMap() {
        history();
        browser.open(url("/dashboard" + MARCH + "#retention"));

        browser.awaitPanel("retention", "ready");
        browser.find("#retention-figures summary").click();
        assertThat(browser.shown("#retention-table tr[data-cohort='2025-03-03'] td")).as("its size").isEqualTo("6");
        assertThat(browser.shown(cell("2025-03-03", 0))).isEqualTo("100.0%");
        assertThat(browser.shown(cell("2025-03-03", 1))).as("a1 and a3 in days 7 to 13").isEqualTo("33.3%");
        assertThat(browser.find(cell("2025-03-03", 1)).getDomAttribute("title")).isEqualTo("2 of 6");
        assertThat(browser.shown(cell("2025-03-10", 1))).as("b1").isEqualTo("16.7%");
        assertThat(browser.findAll("#retention-table tbody tr")).hasSize(4);
        browser.screenshots("retention");

        browser.script("const mode = document.getElementById('retention-mode'); mode.value = 'on-or-after';"
                       + "mode.dispatchEvent(new Event('change'));");

        browser.await("the on-or-after table", page -> page.content("#retention-caption").contains("on or after"));
        browser.awaitPanel("retention", "ready");
        assertThat(browser.shown(cell("2025-03-03", 1))).as("a2 comes back in week 3").isEqualTo("50.0%");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(5)
    void theLayersViewCountsTheUsersOfEachLayerAndHowTheyMovedSinceTheRunBefore() {
        history();
        JsonNode latest = http.get("/api/v1/layers").body();
        browser.open(url("/dashboard" + MARCH + "#layers"));

        browser.awaitPanel("layers", "ready");
        long shown = 0;
        for (JsonNode layer : latest.path("layers")) {
            String tile = "#layer-tiles [data-layer='" + layer.path("layer").asText() + "']";
            assertThat(browser.shown(tile + " .value")).as(layer.path("layer").asText())
                                                      .isEqualTo(layer.path("count").asText());
            shown += Long.parseLong(browser.shown(tile + " .value"));
        }
        assertThat(shown).isEqualTo(26);
        assertThat(browser.shown("#layers-caption")).startsWith("As of 30 Mar 2025: 26 users in 4 clusters");
        assertThat(browser.shown("#moves-state")).startsWith("Since the run of 16 Mar 2025:").contains("8 new");
        long moved = 0;
        for (WebElement cell : browser.findAll("#moves-table td[data-from]:not([data-from='NEW'])")) {
            moved += Long.parseLong(cell.getDomProperty("textContent"));
        }
        assertThat(moved).as("the 18 users of the run before").isEqualTo(18);
        assertThat(browser.findAll("#centroids-table tbody tr")).hasSize(4);
        long segmented = 0;
        for (WebElement segment : browser.findAll("#segments-table tr[data-segment]")) {
            segmented += Long.parseLong(segment.getDomAttribute("data-count"));
        }
        assertThat(segmented).isEqualTo(26);
        browser.screenshots("layers");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(6)
    void theWakeUpViewComparesTheTreatmentWithTheHoldout() {
        history();
        browser.open(url("/dashboard" + MARCH + "#wake-up"));

        browser.awaitPanel("wakeup", "ready");
        assertThat(figure("entered")).isEqualTo("5");
        assertThat(figure("treatment-rate")).isEqualTo("66.7%");
        assertThat(figure("holdout-rate")).isEqualTo("50.0%");
        assertThat(figure("lift-absolute")).isEqualTo("+16.7 pp");
        assertThat(figure("lift-relative")).isEqualTo("+33.3%");
        assertThat(browser.shown("#wakeup-steps tr[data-step=call]")).isEqualTo("call 3 –");
        assertThat(browser.shown("#wakeup-steps tr[data-step=sms]")).isEqualTo("sms 0 1 no consent");
        browser.screenshots("wake-up");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(7)
    void theIncidentsViewShowsEachOpenIncidentsSlaStatus() {
        history();
        browser.open(url("/dashboard" + MARCH + "#incidents"));

        browser.awaitPanel("incidents", "ready");
        assertThat(browser.findAll("#incident-cards [data-incident]")).hasSize(2);
        String checkout = "[data-incident='" + DashboardData.CHECKOUT_INCIDENT + "']";
        assertThat(browser.shown(checkout + " h3")).isEqualTo("Double charges at checkout High");
        assertThat(browser.shown(checkout + " [data-progress=apologised]")).endsWith("3 / 3 users");
        assertThat(browser.shown(checkout + " [data-progress=compensated]")).endsWith("1 / 3 users");
        assertThat(sla(checkout, "apology")).isEqualTo("met");
        assertThat(browser.shown(checkout + " [data-milestone=apology]"))
                .isEqualTo("Apology: met, reached 2025-03-20 10:40");
        assertThat(sla(checkout, "compensation")).isEqualTo("missed");
        String search = "[data-incident='" + DashboardData.SEARCH_INCIDENT + "']";
        assertThat(sla(search, "apology")).as("nothing done, long after it was due").isEqualTo("overdue");
        browser.screenshots("incidents");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(8)
    void aUserLookupShowsTheProfilePointsLedgerAndLayerHistory() {
        history();
        browser.open(url("/dashboard" + MARCH + "#users"));
        browser.find("#user-id").sendKeys(DashboardData.LOOKED_UP_USER);
        browser.find("#user-lookup button").click();

        browser.awaitPanel("profile", "ready");
        assertThat(browser.script("return location.hash")).isEqualTo("#users/a1");
        assertThat(browser.shown("[data-fact=status]")).isEqualTo("Active");
        assertThat(browser.shown("[data-fact=purchaseCount]")).isEqualTo("2");
        assertThat(browser.shown("[data-fact=totalSpent]")).isEqualTo("80.00 CNY");
        assertThat(browser.shown("[data-fact=pointsBalance]")).isEqualTo("260");
        assertThat(browser.shown("[data-fact=referrals]")).isEqualTo("2");
        browser.awaitPanel("points", "ready");
        assertThat(browser.shown("#points-caption")).isEqualTo("Balance 260 · tier Bronze · 280 earned in all");
        assertThat(browser.findAll("#points-table tbody tr")).extracting(row -> row.getDomAttribute("data-kind"))
                                                            .containsExactly("REDEEMED", "EARNED", "EARNED",
                                                                             "EARNED");
        browser.awaitPanel("user-layers", "ready");
        assertThat(browser.findAll("#user-layers-table tbody tr")).hasSize(2);
        browser.await("the timeline to load", page -> !"loading".equals(
                page.find("#timeline").getDomAttribute("data-state")));
        browser.screenshots("users");
    }

    @Test
    @Order(9)
    void anAuditorSeesTheUsersEventsWithTheirMetadata() {
        history();
        JsonNode events = http.get("/api/v1/audit/users/a1/events").body().path("events");
        assertThat(events.size()).as("the audit API's events of a1").isPositive();
        browser.open(url("/dashboard" + MARCH + "#users/a1"));

        browser.awaitPanel("timeline", "ready");
        assertThat(browser.findAll("#timeline-events li")).hasSize(events.size());
        assertThat(browser.find("#timeline-events").getDomAttribute("data-count"))
                .isEqualTo(String.valueOf(events.size()));
        assertThat(browser.find("#timeline-events li").getDomAttribute("data-type"))
                .isEqualTo(events.get(0).path("type").asText());
        assertThat(browser.findAll("#timeline-events [data-metadata=source]")).hasSize(events.size());
        browser.screenshots("timeline");
    }

    @Test
    @Order(10)
    void anAnalystsKeySeesTheProfileButNotTheEventTimeline() {
        history();
        browser.open(url("/dashboard" + MARCH + "#users/a1"));
        browser.find("#key-forget").click();
        enterKey(TestApiKeys.only("analyst"));

        browser.awaitPanel("profile", "ready");
        browser.await("the timeline to settle", page -> "empty".equals(
                page.find("#timeline").getDomAttribute("data-state")));
        assertThat(browser.shown("#timeline .state")).contains("not available for this key");
        assertThat(browser.find("#timeline").getDomAttribute("data-unavailable")).isEqualTo("403");

        browser.find("#key-forget").click();
        enterKey(KEY);
        browser.awaitPanel("timeline", "ready");
    }

    @Test
    @Order(11)
    void aServiceThatCannotBeReachedIsShownOnThePageAndARetryRecovers() {
        history();
        browser.open(url("/dashboard" + MARCH + "#growth"));
        browser.awaitPanel("kpis", "ready");
        browser.cdp("Network.enable", Map.of());
        browser.cdp("Network.setBlockedURLs", Map.of("urls", List.of("*/api/v1/*")));

        try {
            browser.find("#range button[type=submit]").click();

            browser.awaitPanel("kpis", "error");
            assertThat(browser.find("#kpis .state [data-error]").getDomAttribute("data-error")).isEqualTo("offline");
            assertThat(browser.shown("#kpis .state")).contains("The service cannot be reached");
            assertThat(browser.shown("#banner")).contains("The service cannot be reached.");
            browser.screenshot("unreachable-desktop");
        } finally {
            browser.cdp("Network.setBlockedURLs", Map.of("urls", List.of()));
        }
        browser.find("#banner-action").click();

        browser.awaitPanel("kpis", "ready");
        assertThat(tile("activeUsers")).isEqualTo("24");
        assertThat(browser.find("#banner").isDisplayed()).isFalse();
    }

    private void enterKey(String key) {
        browser.await("the key dialog", page -> page.find("#key-dialog").isDisplayed());
        browser.find("#key-input").sendKeys(key);
        browser.find("#key-submit").click();
    }

    /** Loads the history once, after the tests of the empty database, and waits until every read model has it. */
    private void history() {
        if (loaded) {
            return;
        }
        DashboardData data = new DashboardData(http, commands);
        data.load();
        ProjectionCatchUp catchUp = new ProjectionCatchUp(processing, eventStore);
        try {
            catchUp.await(Duration.ofSeconds(30));
            // the analytics the KPIs and tables read are written about once a second: write them now
            analytics.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        http.awaitGet("/api/v1/kpis?from=2025-03-03&to=2025-03-30", kpis -> kpis.path("activeUsers").asInt() == 24
                && kpis.path("averageOrderValue").path("amount").asText().equals("34.00"));
        data.layeringRuns();
        loaded = true;
    }

    private String tile(String kpi) {
        return browser.shown("#kpi-tiles [data-kpi=" + kpi + "] .value");
    }

    private String figure(String name) {
        return browser.shown("#wakeup-tiles [data-figure=" + name + "] .value");
    }

    private String sla(String card, String milestone) {
        return browser.find(card + " [data-milestone=" + milestone + "]").getDomAttribute("data-sla");
    }

    private static String cell(String cohort, int period) {
        return "#retention-table td[data-cohort='" + cohort + "'][data-period='" + period + "']";
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
