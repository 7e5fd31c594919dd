package dev.userlifecycle.app.benchmark;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import dev.userlifecycle.query.facts.StoredFacts;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A million (or any number of) users written straight into the read models, as the projections would have written
 * them: one {@link StoredFacts} document per user in {@value StoredFacts#COLLECTION} and one profile in
 * {@code user_profiles}. Registrations are spread evenly over two years ending at {@link #lastDay}; after it a user
 * comes back a geometric number of times (mean {@value #MEAN_RETURNS}) with geometric gaps (mean
 * {@value #MEAN_GAP_DAYS} days), and each active day is a purchase with probability {@value #PURCHASE_SHARE}.
 */
final class SyntheticUsers {

    static final double MEAN_RETURNS = 5;
    static final double MEAN_GAP_DAYS = 20;
    static final double PURCHASE_SHARE = 0.3;
    static final int SPAN_DAYS = 730;
    private static final int BATCH = 1_000;

    private final LocalDate lastDay;
    private final ZoneId zone;
    private final Random random;
    private long activeDays;
    private long purchases;

    SyntheticUsers(LocalDate lastDay, ZoneId zone, long seed) {
        this.lastDay = lastDay;
        this.zone = zone;
        this.random = new Random(seed);
    }

    static String userId(int index) {
        return String.format("s-%07d", index);
    }

    /** Writes {@code count} users' facts and profiles with {@code insertMany}; answers the seconds it took. */
    double write(MongoDatabase database, int count) {
        MongoCollection<Document> facts = database.getCollection(StoredFacts.COLLECTION);
        MongoCollection<Document> profiles = database.getCollection("user_profiles");
        long start = System.nanoTime();
        List<Document> factBatch = new ArrayList<>(BATCH);
        List<Document> profileBatch = new ArrayList<>(BATCH);
        for (int i = 0; i < count; i++) {
            User user = next(userId(i));
            factBatch.add(user.facts());
            profileBatch.add(user.profile(zone));
            if (factBatch.size() == BATCH || i == count - 1) {
                facts.insertMany(factBatch, new InsertManyOptions().ordered(false));
                profiles.insertMany(profileBatch, new InsertManyOptions().ordered(false));
                factBatch.clear();
                profileBatch.clear();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    long activeDays() {
        return activeDays;
    }

    long purchases() {
        return purchases;
    }

    LocalDate lastDay() {
        return lastDay;
    }

    /** One user: registration day, active days (registration first, increasing) and purchase cents per day. */
    record User(String userId, int registeredDay, List<Integer> days, List<Integer> purchaseDays, List<Long> cents) {

        Document facts() {
            List<Document> bought = new ArrayList<>();
            for (int i = 0; i < purchaseDays.size(); i++) {
                bought.add(new Document("orderId", userId + "-" + i).append("day", purchaseDays.get(i))
                                                                     .append("cents", cents.get(i)));
            }
            Document document = new Document("_id", userId).append("sequence", (long) days.size() + bought.size())
                                                            .append("registeredDay", registeredDay);
            if (!purchaseDays.isEmpty()) {
                document.append("activatedDay", purchaseDays.get(0));
            }
            return document.append("activeDays", days).append("purchases", bought);
        }

        Document profile(ZoneId zone) {
            long spent = cents.stream().mapToLong(Long::longValue).sum();
            Document profile = new Document("_id", userId)
                    .append("sequence", (long) days.size() + purchaseDays.size())
                    .append("position", null)
                    .append("status", purchaseDays.isEmpty() ? "REGISTERED" : "ACTIVE")
                    .append("registeredAt", noon(registeredDay, zone))
                    .append("activatedAt", purchaseDays.isEmpty() ? null : noon(purchaseDays.get(0), zone))
                    .append("lastActiveAt", noon(days.get(days.size() - 1), zone))
                    .append("purchaseCount", (long) purchaseDays.size())
                    .append("pointsBalance", 0L)
                    .append("loyaltyTier", "BRONZE")
                    .append("layer", null)
                    .append("referrals", 0L);
            if (!purchaseDays.isEmpty()) {
                profile.append("totalSpent", new Document("amount", BigDecimal.valueOf(spent, 2).toPlainString())
                        .append("currency", "CNY"));
            }
            return profile;
        }

        private static String noon(int day, ZoneId zone) {
            Instant instant = LocalDate.ofEpochDay(day).atTime(LocalTime.NOON).atZone(zone).toInstant();
            return instant.toString();
        }
    }

    User next(String userId) {
        int last = (int) lastDay.toEpochDay();
        int registered = last - SPAN_DAYS + 1 + random.nextInt(SPAN_DAYS);
        List<Integer> days = new ArrayList<>();
        List<Integer> purchaseDays = new ArrayList<>();
        List<Long> cents = new ArrayList<>();
        days.add(registered);
        int returns = geometric(MEAN_RETURNS);
        int day = registered;
        for (int i = 0; i < returns; i++) {
            day += 1 + geometric(MEAN_GAP_DAYS);
            if (day > last) {
                break;
            }
            days.add(day);
        }
        for (int active : days) {
            if (random.nextDouble() < PURCHASE_SHARE) {
                purchaseDays.add(active);
                cents.add(500L + random.nextInt(30_000));
            }
        }
        activeDays += days.size();
        purchases += purchaseDays.size();
        return new User(userId, registered, days, purchaseDays, cents);
    }

    /** A geometric number of failures before a success, with the given mean. */
    private int geometric(double mean) {
        return (int) (Math.log(1 - random.nextDouble()) / Math.log(1 - 1 / (mean + 1)));
    }
}
