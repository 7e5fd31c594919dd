package dev.userlifecycle.events;

/** The RFM scores of a user as shown on the profile: recency, frequency and monetary scores 1-5 and the segment. */
public record ProfileRfm(int recency, int frequency, int monetary, String segment) {
}
