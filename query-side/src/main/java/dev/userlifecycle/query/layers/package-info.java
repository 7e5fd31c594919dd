/**
 * Layering runs over the stored per-user facts: features as of a business day, the run itself
 * ({@link dev.userlifecycle.query.layering.Layering}), and the documents that keep every run and every user's place
 * in it.
 *
 * <h2>Documents</h2>
 * The embedded MongoDB indexes only {@code _id}, so every read that a request makes is an {@code _id} lookup:
 * <ul>
 *   <li>{@value LayeringCollections#RUNS}: one document per run, {@code _id} = run id, with its parameters, layers,
 *       clusters and RFM counts;</li>
 *   <li>{@value LayeringCollections#ASSIGNMENTS}: per run, the users hashed into {@value AssignmentChunks#BUCKETS}
 *       buckets, one document per non-empty bucket ({@code _id} = run id + ":" + bucket) with parallel arrays of
 *       user ids (sorted), clusters, RFM scores and features, so a user's place in a run is one {@code _id} read
 *       and a run over a million users writes about a thousand documents;</li>
 *   <li>{@value LayeringCollections#REGISTRY}: document {@code runs} lists every run's summary and names the
 *       latest, document {@code running} is the lease that lets one run at a time go on.</li>
 * </ul>
 * A run writes its assignments, then its run document, then its registry entry: a run that dies half-way leaves
 * documents that no registry entry points to, and nothing reads them.
 */
package dev.userlifecycle.query.layers;
