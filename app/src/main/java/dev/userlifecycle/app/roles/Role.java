package dev.userlifecycle.app.roles;

/**
 * What a process of the service does; {@code lifecycle.roles} lists them (all three by default).
 * <ul>
 *     <li>{@code command}: the command REST API;</li>
 *     <li>{@code query}: the projections and the query REST API;</li>
 *     <li>{@code sagas}: the sagas and the sweeps that drive them.</li>
 * </ul>
 * Aggregates handle commands in every process that has the command or the sagas role, because sagas send commands
 * and the event store's optimistic concurrency keeps several command-handling processes consistent.
 */
public enum Role {
    COMMAND, QUERY, SAGAS
}
