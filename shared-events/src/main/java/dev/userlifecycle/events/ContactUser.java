package dev.userlifecycle.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Asks to contact the user in step {@code step} of an outreach campaign (a wake-up campaign, or an incident's
 * apology) on the first of {@code channels} the user consented to. The user decides and records the decision once per
 * campaign and step: {@link OutreachContactRecorded}, or {@link OutreachStepSkipped} for a holdout user, a user without
 * consent for any of the channels, or one contacted {@link FrequencyCap#maxContacts} times within the cap's window
 * (across all campaigns). A service message has no {@code frequencyCap}. Answered with the {@link OutreachDecision},
 * also when the step was decided before, so a retried step learns what to send.
 */
public record ContactUser(
        @TargetAggregateIdentifier @ValidId String userId,
        @ValidId String campaignId,
        @NotBlank @Size(max = 64) String step,
        @NotEmpty List<@NotNull Channel> channels,
        @Valid FrequencyCap frequencyCap,
        @NotNull Instant occurredAt) implements UserCommand {

    public ContactUser {
        channels = channels == null ? null : List.copyOf(channels);
    }

    public static ContactUser on(String userId, String campaignId, String step, Channel channel,
                                 FrequencyCap frequencyCap, Instant occurredAt) {
        return new ContactUser(userId, campaignId, step, List.of(channel), frequencyCap, occurredAt);
    }
}
