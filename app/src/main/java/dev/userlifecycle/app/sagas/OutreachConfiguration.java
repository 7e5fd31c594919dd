package dev.userlifecycle.app.sagas;

import com.mongodb.client.MongoDatabase;
import dev.userlifecycle.app.roles.ConditionalOnRole;
import dev.userlifecycle.app.roles.Role;
import dev.userlifecycle.sagas.outreach.OutreachMessagesController;
import dev.userlifecycle.sagas.outreach.RecordingOutreachGateway;
import dev.userlifecycle.sagas.outreach.WebhookOutreachGateway;
import dev.userlifecycle.sagas.outreach.WebhookSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;
import java.time.Clock;

/**
 * The {@code OutreachGateway} of a process with the sagas role, chosen by {@code lifecycle.outreach.adapter}: the
 * recording adapter (default), whose messages {@code GET /api/v1/outreach/messages} lists, or the webhook adapter.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.SAGAS)
@EnableConfigurationProperties(OutreachProperties.class)
class OutreachConfiguration {

    private static final String ADAPTER = "lifecycle.outreach.adapter";

    OutreachConfiguration(OutreachProperties properties) {
        if (!OutreachProperties.RECORD.equals(properties.adapter())
                && !OutreachProperties.WEBHOOK.equals(properties.adapter())) {
            throw new IllegalStateException(ADAPTER + " (LIFECYCLE_OUTREACH_ADAPTER) is '" + properties.adapter()
                                                    + "'; use record or webhook");
        }
    }

    @Bean
    @ConditionalOnProperty(name = ADAPTER, havingValue = OutreachProperties.RECORD, matchIfMissing = true)
    RecordingOutreachGateway recordingOutreachGateway(MongoDatabase database, Clock clock) {
        return new RecordingOutreachGateway(database, clock);
    }

    @Bean
    @ConditionalOnProperty(name = ADAPTER, havingValue = OutreachProperties.RECORD, matchIfMissing = true)
    OutreachMessagesController outreachMessagesController(RecordingOutreachGateway recording) {
        return new OutreachMessagesController(recording);
    }

    @Bean
    @ConditionalOnProperty(name = ADAPTER, havingValue = OutreachProperties.WEBHOOK)
    WebhookOutreachGateway webhookOutreachGateway(OutreachProperties properties, MongoDatabase database,
                                                  Clock clock) {
        OutreachProperties.Webhook webhook = properties.webhook();
        if (webhook.url() == null) {
            throw new IllegalStateException("The webhook outreach adapter needs lifecycle.outreach.webhook.url "
                                                    + "(LIFECYCLE_OUTREACH_WEBHOOK_URL)");
        }
        URI url;
        try {
            url = URI.create(webhook.url());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("lifecycle.outreach.webhook.url is not a URL: " + webhook.url(), e);
        }
        return new WebhookOutreachGateway(database, new WebhookSettings(url, webhook.timeout(), webhook.attempts(),
                                                                        webhook.backoff()), clock);
    }
}
