package dev.userlifecycle.query.facts;

/** Told when users' facts have been written, so that figures derived from them follow. */
public interface FactsListener {

    /** Called before the projection writes anything, so the listener can catch up with what is already stored. */
    void beforeWrite();

    /** A user's facts as they were before the write ({@code null} for a new user) and as they are now. */
    void replaced(StoredFacts before, StoredFacts after);

    /** The projection has dropped every fact and replays the history from the start. */
    void reset();

    /** A write failed part-way: what the listener derived may no longer match the stored facts. */
    void writeFailed();
}
