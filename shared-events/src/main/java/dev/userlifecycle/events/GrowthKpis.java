package dev.userlifecycle.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Growth figures of the window [{@code from}, {@code to}] in business time; shares have four decimals and are
 * {@code null} when there is nobody to take a share of.
 *
 * @param activeUsers        distinct users active in the window (registering and purchasing are activity)
 * @param registeredUsers    users who registered in the window
 * @param activationRate     of those, the share activated by {@code to}
 * @param nextDayRetention   of those registered before {@code to}, the share active on the day after registering
 * @param averageOrderValue  the window's purchase amount per purchase, {@code null} without purchases
 * @param repeatPurchaseRate of the users who bought in the window, the share who bought twice or more in it
 * @param viralCoefficient   users referred by the window's new users, per new user
 */
public record GrowthKpis(LocalDate from, LocalDate to, LocalDate asOf, int activeUsers, int registeredUsers,
                         BigDecimal activationRate, BigDecimal nextDayRetention, Money averageOrderValue,
                         BigDecimal repeatPurchaseRate, BigDecimal viralCoefficient) {
}
