package dev.userlifecycle.app.sagas;

import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.sagas.outreach.OutreachGateway;
import dev.userlifecycle.sagas.outreach.RecordingOutreachGateway;
import dev.userlifecycle.sagas.outreach.WebhookOutreachGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** Which outreach adapter a sagas process starts with, and which settings stop it from starting. */
class OutreachConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(OutreachConfiguration.class)
            .withBean(MongoDatabase.class, () -> mock(MongoDatabase.class))
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void theRecordingAdapterIsTheDefault() {
        runner.run(context -> assertThat(context.getBean(OutreachGateway.class))
                .isInstanceOf(RecordingOutreachGateway.class));
    }

    @Test
    void theWebhookAdapterIsChosenByProperty() {
        runner.withPropertyValues("lifecycle.outreach.adapter=webhook",
                                  "lifecycle.outreach.webhook.url=http://localhost:9/hook")
              .run(context -> {
                  assertThat(context.getBean(OutreachGateway.class)).isInstanceOf(WebhookOutreachGateway.class);
                  assertThat(context).doesNotHaveBean(RecordingOutreachGateway.class);
              });
    }

    @Test
    void aWebhookAdapterWithoutUrlFailsAtStartNamingTheProperty() {
        runner.withPropertyValues("lifecycle.outreach.adapter=webhook")
              .run(context -> assertThat(context).getFailure().rootCause()
                                                 .hasMessageContaining("lifecycle.outreach.webhook.url")
                                                 .hasMessageContaining("LIFECYCLE_OUTREACH_WEBHOOK_URL"));
    }

    @Test
    void anUnknownAdapterFailsAtStart() {
        runner.withPropertyValues("lifecycle.outreach.adapter=carrier-pigeon")
              .run(context -> assertThat(context).getFailure().rootCause()
                                                 .hasMessageContaining("record or webhook"));
    }

    @Test
    void aProcessWithoutTheSagasRoleHasNoOutreach() {
        runner.withPropertyValues("lifecycle.roles=query", "lifecycle.outreach.adapter=webhook")
              .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OutreachGateway.class));
    }
}
