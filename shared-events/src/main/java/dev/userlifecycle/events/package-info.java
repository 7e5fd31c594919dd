/**
 * The published language of the user-lifecycle service: commands, events and value types.
 * <p>
 * Every event carries {@code occurredAt}, the business time of the fact (not Axon's storage time), and a
 * {@link org.axonframework.serialization.Revision}; change an event only together with a new revision and an
 * upcaster. Commands carry Jakarta Bean Validation constraints for their shape; the aggregates enforce the rules
 * that depend on state and signal them with the {@link dev.userlifecycle.events.LifecycleException} hierarchy.
 */
package dev.userlifecycle.events;
