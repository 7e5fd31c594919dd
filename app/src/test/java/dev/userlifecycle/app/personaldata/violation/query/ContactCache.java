package dev.userlifecycle.app.personaldata.violation.query;

import dev.userlifecycle.events.Contact;

/** A projection that keeps contacts in a read model: what {@code PersonalDataStaysInEventsTest} must catch. */
public class ContactCache {

    private Contact latest;
}
