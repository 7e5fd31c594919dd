package dev.userlifecycle.app.soak;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One user of the soak test as the client knows it: what every acknowledged command for the user should have left in
 * the event store. At most one command of a user is in flight at a time, so the order of a user's commands, and
 * with it their effects, is the order the client sent them in. Every command moves the user's business time on by a
 * day, so each activity and purchase is the first of its day and records one {@code UserActiveOnDay}.
 */
final class SoakUser {

    final String id;
    final String referrerId;
    private final Instant firstDay;
    private final Instant registeredAt;
    private int days;
    private boolean busy;
    private boolean registered;
    private boolean activated;
    private int activeDays;
    private final Set<String> orderIds = new LinkedHashSet<>();
    private Instant lastPurchaseAcknowledged;
    private int consentChanges;
    private boolean[] consents = {false, false, false};
    private final Set<String> redemptions = new LinkedHashSet<>();
    private final Set<String> refusedRedemptions = new LinkedHashSet<>();
    private final List<String> referredUsers = new ArrayList<>();

    /**
     * @param firstDay the start of the calendar day of the registration in the platform's time zone (one without
     *                 daylight saving time, so every day has 24 hours)
     */
    SoakUser(String id, String referrerId, Instant firstDay, int minutes) {
        this.id = id;
        this.referrerId = referrerId;
        this.firstDay = firstDay;
        this.registeredAt = timeOfDay(0, minutes);
    }

    Instant registeredAt() {
        return registeredAt;
    }

    /** The business time of the user's next command: on the calendar day after the previous one's. */
    synchronized Instant nextBusinessTime(int minutes) {
        days++;
        return timeOfDay(days, minutes);
    }

    /** Between 02:00 and 12:00 of the day: every command of a user falls on a calendar day of its own. */
    private Instant timeOfDay(int day, int minutes) {
        if (minutes < 0 || minutes >= 600) {
            throw new IllegalArgumentException("minutes after 02:00 must be 0 to 599: " + minutes);
        }
        return firstDay.plusSeconds(86_400L * day + 7_200L + 60L * minutes);
    }

    synchronized int days() {
        return days;
    }

    synchronized boolean claim() {
        if (busy) {
            return false;
        }
        busy = true;
        return true;
    }

    synchronized void release() {
        busy = false;
    }

    synchronized void registered() {
        registered = true;
    }

    synchronized void activated() {
        activated = true;
    }

    synchronized void wasActive() {
        activeDays++;
    }

    synchronized void purchased(String orderId, Instant acknowledgedAt) {
        orderIds.add(orderId);
        activated = true;
        activeDays++;
        lastPurchaseAcknowledged = acknowledgedAt;
    }

    synchronized void consentsChanged(boolean[] to) {
        consentChanges++;
        consents = to.clone();
    }

    synchronized void redeemed(String redemptionId) {
        redemptions.add(redemptionId);
    }

    synchronized void redemptionRefused(String redemptionId) {
        refusedRedemptions.add(redemptionId);
    }

    synchronized void referred(String userId) {
        referredUsers.add(userId);
    }

    synchronized boolean isRegistered() {
        return registered;
    }

    synchronized boolean isActivated() {
        return activated;
    }

    synchronized int activeDays() {
        return activeDays;
    }

    synchronized Set<String> orderIds() {
        return Set.copyOf(orderIds);
    }

    /** Whether the user's points for a purchase have had time to be credited by the loyalty-points processor. */
    synchronized boolean mayHavePoints(Instant now) {
        return lastPurchaseAcknowledged != null && lastPurchaseAcknowledged.plusSeconds(5).isBefore(now);
    }

    synchronized int consentChanges() {
        return consentChanges;
    }

    synchronized boolean[] consents() {
        return consents.clone();
    }

    synchronized Set<String> redemptions() {
        return Set.copyOf(redemptions);
    }

    synchronized Set<String> refusedRedemptions() {
        return Set.copyOf(refusedRedemptions);
    }

    synchronized List<String> referredUsers() {
        return List.copyOf(referredUsers);
    }
}
