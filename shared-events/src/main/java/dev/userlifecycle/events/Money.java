package dev.userlifecycle.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount in an ISO-4217 currency, with at most two decimals; in JSON a decimal string ({@code "12.50"}), so no client reads it as a binary float. */
public record Money(
        @JsonFormat(shape = JsonFormat.Shape.STRING) @NotNull @Digits(integer = 15, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code of three upper-case letters")
        String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.scale() < 2) {
            // so that 12.5 and 12.50 are the same amount; a larger scale stays for validation to reject
            amount = amount.setScale(2);
        }
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public Money add(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(amount.add(other.amount), currency);
    }
}
