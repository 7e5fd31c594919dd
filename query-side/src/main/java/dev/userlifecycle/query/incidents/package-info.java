/**
 * The incident read model: its projection, kept in MongoDB, and the query handlers answering {@code FindIncident}
 * (with the churn comparison) and {@code FindIncidents}.
 */
package dev.userlifecycle.query.incidents;
