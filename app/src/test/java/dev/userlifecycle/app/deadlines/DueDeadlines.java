package dev.userlifecycle.app.deadlines;

import org.jobrunr.jobs.Job;
import org.jobrunr.storage.StorageProvider;

import java.time.Instant;
import java.util.List;

import static org.jobrunr.storage.Paging.AmountBasedList.ascOnScheduledAt;

/**
 * Time travel for deadlines: JobRunr compares a deadline's due time with the machine's clock, not with the service's
 * {@code Clock} that tests move. After a test moved that clock, {@link #release} hands every deadline due by then
 * to JobRunr's job server as if its time had come; the server runs them at its next poll, through the real
 * {@code JobRunrDeadlineManager} and the saga store.
 */
public final class DueDeadlines {

    private static final int PAGE = 500;

    private DueDeadlines() {
    }

    /** Enqueues the deadlines scheduled at or before {@code now}; returns how many. */
    public static int release(StorageProvider storage, Instant now) {
        int released = 0;
        List<Job> due;
        do {
            due = storage.getScheduledJobs(now.plusMillis(1), ascOnScheduledAt(PAGE));
            due.forEach(Job::enqueue);
            if (!due.isEmpty()) {
                storage.save(due);
            }
            released += due.size();
        } while (due.size() == PAGE);
        return released;
    }
}
