package dev.userlifecycle.app.sagas;

import dev.userlifecycle.events.Channel;
import dev.userlifecycle.events.FrequencyCap;
import dev.userlifecycle.sagas.wakeup.QuietHours;
import dev.userlifecycle.sagas.wakeup.WakeUpSettings;
import dev.userlifecycle.sagas.wakeup.WakeUpStep;
import org.axonframework.modelling.saga.repository.inmemory.InMemorySagaStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The wake-up settings a sagas process starts with, from {@code lifecycle.wakeup.*}. */
class WakeUpConfigurationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(WakeUpConfiguration.class)
            .withBean(ZoneId.class, () -> SHANGHAI)
            .withBean(InMemorySagaStore.class, InMemorySagaStore::new);

    @Test
    void withoutPropertiesTheDefaultPlanRuns() {
        runner.run(context -> assertThat(context.getBean(WakeUpSettings.class)).isEqualTo(new WakeUpSettings(
                Duration.ofDays(3), 10, Duration.ofDays(7), WakeUpProperties.DEFAULT_STEPS,
                new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), SHANGHAI),
                new FrequencyCap(3, Duration.ofDays(7)), Duration.ofHours(1), 3)));
    }

    @Test
    void propertiesReplaceThePlanAndTheRules() {
        runner.withPropertyValues("lifecycle.wakeup.holdout-percent=2.5", "lifecycle.wakeup.window=3d",
                                  "lifecycle.wakeup.quiet-hours.from=21:30",
                                  "lifecycle.wakeup.frequency-cap.max-contacts=1",
                                  "lifecycle.wakeup.frequency-cap.window=1d",
                                  "lifecycle.wakeup.steps[0].name=first", "lifecycle.wakeup.steps[0].offset=1h",
                                  "lifecycle.wakeup.steps[0].channel=EMAIL",
                                  "lifecycle.wakeup.steps[0].template=come-back")
              .run(context -> {
                  WakeUpSettings settings = context.getBean(WakeUpSettings.class);
                  assertThat(settings.holdoutPercent()).isEqualTo(2.5);
                  assertThat(settings.window()).isEqualTo(Duration.ofDays(3));
                  assertThat(settings.quietHours())
                          .isEqualTo(new QuietHours(LocalTime.of(21, 30), LocalTime.of(8, 0), SHANGHAI));
                  assertThat(settings.frequencyCap()).isEqualTo(new FrequencyCap(1, Duration.ofDays(1)));
                  assertThat(settings.steps()).containsExactly(
                          new WakeUpStep("first", Duration.ofHours(1), Channel.EMAIL, "come-back"));
              });
    }

    @Test
    void aQuietHourThatIsNoTimeFailsAtStartNamingTheProperty() {
        runner.withPropertyValues("lifecycle.wakeup.quiet-hours.until=8am")
              .run(context -> assertThat(context).getFailure().rootCause()
                                                 .hasMessageContaining("lifecycle.wakeup.quiet-hours.until"));
    }

    @Test
    void aHoldoutShareAboveAHundredPercentFailsAtStart() {
        runner.withPropertyValues("lifecycle.wakeup.holdout-percent=110")
              .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("holdoutPercent"));
    }

    @Test
    void aProcessWithoutTheSagasRoleRunsNoWakeUpCampaigns() {
        runner.withPropertyValues("lifecycle.roles=command,query")
              .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(WakeUpSettings.class));
    }

    @Test
    void stepNamesMustDiffer() {
        runner.withPropertyValues("lifecycle.wakeup.steps[0].name=sms", "lifecycle.wakeup.steps[0].offset=0d",
                                  "lifecycle.wakeup.steps[0].channel=SMS", "lifecycle.wakeup.steps[0].template=a",
                                  "lifecycle.wakeup.steps[1].name=sms", "lifecycle.wakeup.steps[1].offset=1d",
                                  "lifecycle.wakeup.steps[1].channel=PUSH", "lifecycle.wakeup.steps[1].template=b")
              .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("must differ"));
    }
}
