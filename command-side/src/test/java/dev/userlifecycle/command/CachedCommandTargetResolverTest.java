package dev.userlifecycle.command;

import dev.userlifecycle.events.ActivateUser;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

import static dev.userlifecycle.command.Timeline.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedCommandTargetResolverTest {

    private final CachedCommandTargetResolver resolver = new CachedCommandTargetResolver();

    record Versioned(@TargetAggregateIdentifier String id, @TargetAggregateVersion Integer version) {
    }

    record Unversioned(String name) {
    }

    static final class ByMethod {

        @TargetAggregateIdentifier
        String target() {
            return "u-7";
        }
    }

    private VersionedAggregateIdentifier resolve(Object command) {
        return resolver.resolveTarget(GenericCommandMessage.asCommandMessage(command));
    }

    @Test
    void aRecordComponentNamesTheTargetUser() {
        VersionedAggregateIdentifier target = resolve(new ActivateUser("u-1", T0));

        assertThat(target.getIdentifier()).isEqualTo("u-1");
        assertThat(target.getVersion()).isNull();
    }

    @Test
    void theTargetOfEachCommandIsItsOwnAlthoughTheMemberIsLookedUpOnce() {
        resolve(new ActivateUser("u-1", T0));

        assertThat(resolve(new ActivateUser("u-2", T0)).getIdentifier()).isEqualTo("u-2");
    }

    @Test
    void anAnnotatedVersionIsTheExpectedVersion() {
        VersionedAggregateIdentifier target = resolve(new Versioned("u-1", 4));

        assertThat(target.getVersion()).isEqualTo(4L);
    }

    @Test
    void anAnnotatedMethodNamesTheTarget() {
        assertThat(resolve(new ByMethod()).getIdentifier()).isEqualTo("u-7");
    }

    @Test
    void theTargetIsTheOneAxonsOwnResolverFinds() {
        Versioned command = new Versioned("u-3", 9);

        assertThat(resolve(command)).isEqualTo(AnnotationCommandTargetResolver.builder().build()
                                                                              .resolveTarget(GenericCommandMessage
                                                                                      .asCommandMessage(command)));
    }

    @Test
    void aCommandWithoutATargetIsRefusedNamingItsClass() {
        assertThatThrownBy(() -> resolve(new Unversioned("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[Unversioned]");
    }

    @Test
    void aCommandWhoseTargetIsNullIsRefused() {
        assertThatThrownBy(() -> resolve(new Versioned(null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@TargetAggregateIdentifier");
    }
}
