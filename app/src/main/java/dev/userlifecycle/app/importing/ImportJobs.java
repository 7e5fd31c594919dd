package dev.userlifecycle.app.importing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.userlifecycle.app.importing.ImportJobView.BadLinePage;
import dev.userlifecycle.app.importing.ImportProgress.Phase;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Import jobs and their bad lines in MongoDB, so any process can answer for a job: {@value #JOBS} holds one document
 * per job, {@value #BAD_LINES} its bad lines in chunks of {@value #CHUNK} ({@code _id} = job id and chunk number),
 * so that a page is read by {@code _id}.
 */
public class ImportJobs {

    public static final String JOBS = "import_jobs";
    public static final String BAD_LINES = "import_bad_lines";
    static final int CHUNK = 1000;

    private final MongoCollection<Document> jobs;
    private final MongoCollection<Document> badLines;
    private final Clock clock;
    private final Duration staleAfter;

    /** @param staleAfter how long an unfinished job may go without an update before it counts as interrupted */
    public ImportJobs(MongoDatabase database, Clock clock, Duration staleAfter) {
        this.jobs = database.getCollection(JOBS);
        this.badLines = database.getCollection(BAD_LINES);
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** What a job was asked to import. */
    record Job(String id, String file, ImportOptions options, Instant createdAt) {
    }

    void save(Job job, ImportProgress progress, ImportReport report) {
        Instant now = clock.instant();
        Double secondsLeft = progress.phase() == Phase.IMPORTING && progress.secondsLeft() >= 0
                ? round(progress.secondsLeft()) : null;
        Document document = new Document("_id", job.id())
                .append("file", job.file())
                .append("format", job.options().format().label())
                .append("currency", job.options().currency())
                .append("fromStart", job.options().fromStart())
                .append("status", progress.phase().name())
                .append("error", progress.error())
                .append("createdAt", Date.from(job.createdAt()))
                .append("updatedAt", Date.from(now))
                .append("finishedAt", progress.phase().isFinal() ? Date.from(now) : null)
                .append("lines", progress.lines())
                .append("processed", progress.processed())
                .append("percent", round(progress.percent()))
                .append("linesPerSecond", round(progress.linesPerSecond()))
                .append("secondsLeft", secondsLeft)
                .append("imported", progress.imported())
                .append("alreadyPresent", progress.alreadyPresent())
                .append("skippedByCheckpoint", progress.skippedByCheckpoint())
                .append("bad", progress.bad())
                .append("usersRegistered", progress.usersRegistered())
                .append("usersExisting", progress.usersExisting())
                .append("seconds", report == null ? null : round(report.seconds()))
                .append("readModelSeconds", report == null || report.readModelSeconds() == null ? null
                        : round(report.readModelSeconds()));
        jobs.replaceOne(Filters.eq("_id", job.id()), document, new ReplaceOptions().upsert(true));
    }

    /** Stores the job's bad lines (by line number) whole, in chunks; answers how many. */
    int saveBadLines(String jobId, List<BadLine> lines) {
        for (int chunk = 0; chunk * CHUNK < lines.size(); chunk++) {
            List<Document> entries = new ArrayList<>(CHUNK);
            for (BadLine line : lines.subList(chunk * CHUNK, Math.min(lines.size(), (chunk + 1) * CHUNK))) {
                entries.add(new Document("line", line.line()).append("reason", line.reason()));
            }
            String id = jobId + ':' + chunk;
            badLines.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("lines", entries),
                                new ReplaceOptions().upsert(true));
        }
        return lines.size();
    }

    Optional<ImportJobView> find(String jobId, int offset, int limit) {
        Document job = jobs.find(Filters.eq("_id", jobId)).first();
        return Optional.ofNullable(job).map(found -> view(found, page(jobId, found.getInteger("bad", 0), offset,
                                                                        limit)));
    }

    /** Every job, latest first, without bad lines (a scan of the jobs: one small document per import ever run). */
    List<ImportJobView> all() {
        List<ImportJobView> all = new ArrayList<>();
        for (Document job : jobs.find()) {
            all.add(view(job, null));
        }
        all.sort(Comparator.comparing(ImportJobView::createdAt).reversed());
        return all;
    }

    private BadLinePage page(String jobId, int total, int offset, int limit) {
        List<BadLine> items = new ArrayList<>();
        int end = Math.min(total, offset + limit);
        if (offset < end) {
            List<String> ids = new ArrayList<>();
            for (int chunk = offset / CHUNK; chunk <= (end - 1) / CHUNK; chunk++) {
                ids.add(jobId + ':' + chunk);
            }
            List<Document> chunks = new ArrayList<>();
            badLines.find(Filters.in("_id", ids)).into(chunks);
            chunks.sort(Comparator.comparingInt(chunk -> chunkNumber(chunk.getString("_id"))));
            int at = (offset / CHUNK) * CHUNK;
            for (Document chunk : chunks) {
                for (Document entry : chunk.getList("lines", Document.class)) {
                    if (at >= offset && at < end) {
                        items.add(new BadLine(entry.getInteger("line"), entry.getString("reason")));
                    }
                    at++;
                }
            }
        }
        return new BadLinePage(offset, limit, total, items, offset + items.size() < total && !items.isEmpty()
                ? offset + items.size() : null);
    }

    private static int chunkNumber(String id) {
        return Integer.parseInt(id.substring(id.lastIndexOf(':') + 1));
    }

    private ImportJobView view(Document job, BadLinePage badLines) {
        String status = job.getString("status");
        Instant updatedAt = job.getDate("updatedAt").toInstant();
        boolean finished = Phase.valueOf(status).isFinal();
        if (!finished && updatedAt.plus(staleAfter).isBefore(clock.instant())) {
            status = "INTERRUPTED";
        }
        Double secondsLeft = finished ? null : job.getDouble("secondsLeft");
        return new ImportJobView(job.getString("_id"), job.getString("file"), job.getString("format"),
                                 job.getString("currency"), job.getBoolean("fromStart", false), status,
                                 job.getString("error"), job.getDate("createdAt").toInstant(), updatedAt,
                                 Optional.ofNullable(job.getDate("finishedAt")).map(Date::toInstant).orElse(null),
                                 job.getInteger("lines", 0), job.getInteger("processed", 0),
                                 job.getDouble("percent"), job.getDouble("linesPerSecond"), secondsLeft,
                                 secondsLeft == null ? null : updatedAt.plusMillis((long) (secondsLeft * 1000)),
                                 job.getInteger("imported", 0), job.getInteger("alreadyPresent", 0),
                                 job.getInteger("skippedByCheckpoint", 0), job.getInteger("bad", 0),
                                 job.getInteger("usersRegistered", 0), job.getInteger("usersExisting", 0),
                                 job.getDouble("seconds"), job.getDouble("readModelSeconds"), badLines);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
