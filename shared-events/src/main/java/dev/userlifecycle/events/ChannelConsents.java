package dev.userlifecycle.events;

/** Which marketing channels a user agreed to be contacted on. */
public record ChannelConsents(boolean sms, boolean push, boolean email) {

    /** What a user who registered without stating consents has agreed to: nothing (opt-in). */
    public static ChannelConsents none() {
        return new ChannelConsents(false, false, false);
    }

    public boolean allows(Channel channel) {
        return switch (channel) {
            case SMS -> sms;
            case PUSH -> push;
            case EMAIL -> email;
            case CALL -> true;
        };
    }
}
