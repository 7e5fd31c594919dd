/**
 * Loyalty points: the policy that turns purchases and referrals into points commands, and the daily sweep that
 * expires points and lowers tiers for the accounts due.
 */
package dev.userlifecycle.sagas.loyalty;
