package dev.userlifecycle.query.retention;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Short ways to write users' histories in tests; days are ISO dates. */
final class Users {

    private Users() {
    }

    /** A user who registered on {@code registered} and was active on {@code activeDays} too. */
    static UserFacts user(String id, String registered, String... activeDays) {
        return history(id, registered, activeDays).build();
    }

    static UserFactsBuilder history(String id, String registered, String... activeDays) {
        UserFactsBuilder builder = new UserFactsBuilder(id).registered(LocalDate.parse(registered), null);
        for (String day : activeDays) {
            builder.activeOn(LocalDate.parse(day));
        }
        return builder;
    }

    static UserFactsBuilder purchase(UserFactsBuilder history, String day, String amount) {
        return history.purchased(LocalDate.parse(day), new BigDecimal(amount));
    }

    static LocalDate day(String isoDay) {
        return LocalDate.parse(isoDay);
    }
}
