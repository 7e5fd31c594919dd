package dev.userlifecycle.query.retention;

/** The event that puts a user into a cohort: its day is the user's start day. */
public enum CohortBasis {
    /** Cohorts of users by the day they registered; every user has one. */
    REGISTRATION,
    /** Cohorts of buyers by the day of their first purchase; users who never bought are in none. */
    FIRST_PURCHASE;

    /** The user's start day, or {@link UserFacts#NONE} when the user is in no cohort of this basis. */
    int startDay(UserFacts user) {
        return this == REGISTRATION ? user.registeredDay() : user.firstPurchaseDay();
    }
}
