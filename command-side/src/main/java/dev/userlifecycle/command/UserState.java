package dev.userlifecycle.command;

import dev.userlifecycle.events.ChannelConsents;
import dev.userlifecycle.events.LoyaltyTier;
import dev.userlifecycle.events.OutreachDecision;
import dev.userlifecycle.events.PersonalDataErasure;
import dev.userlifecycle.events.UserStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the {@code User} aggregate knows, under names of its own, so that what an auditor reads does not change
 * when a field of the aggregate is renamed. Sets are listed in sorted order.
 *
 * @param lastActiveDay   the calendar day of the last activity recorded (activity is recorded once a day)
 * @param dormantSince    while dormant, since when
 * @param orderIds        the orders recorded (a repeated order id records nothing)
 * @param wakeUp          the wake-up campaigns
 * @param outreach        each outreach step decided, by campaign and step
 * @param recentContacts  when the user was contacted lately (the frequency cap counts them)
 * @param loyalty         the loyalty account
 * @param erasure         when and at whose request the user's personal data was erased, or null
 */
public record UserState(String userId, UserStatus status, ChannelConsents consents, Instant lastActiveAt,
                        LocalDate lastActiveDay, Instant dormantSince, List<String> orderIds, WakeUp wakeUp,
                        List<OutreachDecision> outreach, List<Instant> recentContacts, Loyalty loyalty,
                        PersonalDataErasure erasure) {

    /**
     * @param currentCampaignId the campaign the user is in now, or null
     * @param holdout           whether the user is in the current campaign's control group
     * @param reactivatedAt     when the user came back within the current campaign, or null
     * @param enteredCampaigns  every campaign the user was entered into
     */
    public record WakeUp(String currentCampaignId, boolean holdout, Instant reactivatedAt,
                         List<String> enteredCampaigns) {
    }

    /**
     * @param lots                 the earnings, oldest first, as long as they have points left or count toward the
     *                             tier
     * @param businessTime         the latest business time of the account's points and tier events
     * @param reviewAt             when the account next changes by itself (an expiry or a tier exit), or null
     * @param earnedSources        the sources that earned points (each earns once)
     * @param redemptions          the redemptions recorded
     * @param compensatedIncidents the incidents compensated
     */
    public record Loyalty(long balance, LoyaltyTier tier, List<Lot> lots, Instant businessTime, Instant reviewAt,
                          List<String> earnedSources, List<String> redemptions, List<String> compensatedIncidents) {
    }

    /** Points earned at {@code earnedAt}: {@code left} of them not yet redeemed or expired; null expiry: never. */
    public record Lot(Instant earnedAt, long points, long left, Instant expiresAt) {
    }
}
