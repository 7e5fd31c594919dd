/** The points ledger read model: its projection, kept in MongoDB, and the query handler answering {@code FindPointsLedger}. */
package dev.userlifecycle.query.points;
