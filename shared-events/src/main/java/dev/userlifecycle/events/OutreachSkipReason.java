package dev.userlifecycle.events;

/** Why a step of an outreach campaign was not sent; the {@code reason} of {@link OutreachStepSkipped} is its name. */
public enum OutreachSkipReason {
    /** The user is in the campaign's control group. */
    HOLDOUT,
    /** The user has consented to none of the step's channels. */
    NO_CONSENT,
    /** The user was contacted as often as the frequency cap allows within its window. */
    FREQUENCY_CAP,
    /** The step's time, moved out of quiet hours, fell after the campaign's window closed. */
    WINDOW_CLOSED,
    /** The user's wake-up campaign had ended when the step came. */
    CAMPAIGN_ENDED
}
