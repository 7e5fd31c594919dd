/**
 * Rebuilding a projection without downtime: the current read model keeps answering while a fresh copy is built from
 * the event store, and the queries move to the copy only once it has caught up.
 * <p>
 * <b>Generations.</b> Every collection a projection owns ({@link dev.userlifecycle.query.rebuild.ReadModel}) exists
 * in generations: generation 0 under its plain name ({@code user_profiles}), generation n under {@code <name>_g<n>}.
 * {@link dev.userlifecycle.query.rebuild.Generations} is the registry of the generation each projection answers from
 * ({@code projection_generations}); projections and query handlers resolve their collections through it
 * ({@link dev.userlifecycle.query.store.ReadModels}), so the switch is one document write.
 * <p>
 * <b>A rebuild</b> ({@link dev.userlifecycle.query.rebuild.ProjectionRebuilds}) drops whatever an earlier attempt left
 * of the next generation, and runs a fresh instance of the projection writing into it
 * ({@link dev.userlifecycle.query.rebuild.ProjectionCopies}) in a tracking processor of its own: token
 * {@code rebuild:<projection>:g<n>}, starting at the tail, one segment, the configured batch size, a failing batch
 * retried rather than skipped. Its progress is stored in {@code projection_rebuilds} as it goes. Once the copy has
 * reached the head the event store had a progress interval earlier, the switch (see
 * {@link dev.userlifecycle.query.rebuild.RebuildRun}) stops the live processor, lets the copy reach the live
 * processor's position, points the registry at the copy, hands the copy's token to the live processor and starts it
 * again. A query reads one generation or the other, each complete up to a position; never a copy being built. The
 * generation replaced is dropped a retire delay later, so reads begun on it finish and other processes (which re-read
 * the registry every {@link dev.userlifecycle.query.rebuild.Generations#REFRESH}) have followed.
 * <p>
 * <b>A stop mid-rebuild</b> loses nothing: the copy's collections and its token are in MongoDB, written batch by
 * batch in that order, so the next start of a process with the query role resumes the copy from its token. A stop
 * during the switch either happened before the registry was pointed at the copy (the copy resumes and switches again)
 * or after it (the rebuild is recorded as completed; the live processor goes on from its own token over the copy and
 * handles the last few events again, which every projection ignores by its sequence guard).
 * <p>
 * The live processor must run in the process that runs the rebuild: the switch claims its token, and a rebuild whose
 * live processor is claimed by another process fails and drops its copy.
 */
package dev.userlifecycle.query.rebuild;
