package dev.userlifecycle.events;

import org.axonframework.messaging.HandlerExecutionException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueTypesTest {

    @Test
    void moneyAddsAmountsOfTheSameCurrency() {
        assertThat(Money.of("12.50", "CNY").add(Money.of("0.75", "CNY"))).isEqualTo(Money.of("13.25", "CNY"));
    }

    @Test
    void moneyRefusesToAddAnotherCurrency() {
        assertThatThrownBy(() -> Money.of("1", "CNY").add(Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moneyRejectsNulls() {
        assertThatThrownBy(() -> new Money(null, "CNY")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void amountsThatDifferOnlyInTrailingZerosAreEqual() {
        assertThat(Money.of("12.5", "CNY")).isEqualTo(Money.of("12.50", "CNY"));
        assertThat(Money.of("12", "CNY").amount()).isEqualByComparingTo("12").hasToString("12.00");
    }

    @Test
    void consentsGovernMarketingChannelsButNotServiceCalls() {
        ChannelConsents smsOnly = new ChannelConsents(true, false, false);

        assertThat(smsOnly.allows(Channel.SMS)).isTrue();
        assertThat(smsOnly.allows(Channel.PUSH)).isFalse();
        assertThat(smsOnly.allows(Channel.EMAIL)).isFalse();
        assertThat(ChannelConsents.none().allows(Channel.CALL)).isTrue();
    }

    @Test
    void domainErrorsCarryTheirDetailsForARemoteCaller() {
        LifecycleException error = new BusinessRuleViolation("referrerId", "unknown referrer");

        assertThat(HandlerExecutionException.resolveDetails(new RuntimeException(error)))
                .contains(new LifecycleError(LifecycleError.Kind.RULE_VIOLATION, "referrerId", "unknown referrer"));
        assertThat(error.field()).isEqualTo("referrerId");
        assertThat(new UnknownUserException("u-1").error().kind()).isEqualTo(LifecycleError.Kind.NOT_FOUND);
        assertThat(new UserAlreadyExistsException("u-1").error().kind()).isEqualTo(LifecycleError.Kind.CONFLICT);
        assertThat(new InvalidTransitionException("already active").field()).isNull();
    }

    @Test
    void anIncidentDeclarationKeepsItsAffectedUsersSortedAndImmutable() {
        IncidentDeclared declared = (IncidentDeclared) Examples.events().stream()
                                                                .filter(IncidentDeclared.class::isInstance)
                                                                .findFirst().orElseThrow();

        assertThat(declared.affectedUserIds()).containsExactly("u-1", "u-2");
        assertThatThrownBy(() -> declared.affectedUserIds().add("u-3"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
