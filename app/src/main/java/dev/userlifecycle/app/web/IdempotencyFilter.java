package dev.userlifecycle.app.web;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;

/**
 * Makes a POST, PUT or PATCH with an {@code Idempotency-Key} header take effect once: the first request runs and its
 * answer is kept; a repeat with the same body gets the same answer without running again; a repeat with another
 * body, or while the first is still running, gets a 409 problem. A request rejected as malformed (400) or failed
 * by the server (5xx) changed nothing and is not kept, so it can be corrected or retried under the same key. Keys are
 * scoped by the caller (the API key's owner), method and path: two clients that happen to choose the same key never
 * see each other's answers.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String COLLECTION = "idempotency_keys";
    private static final int MAX_KEY_LENGTH = 200;
    /** A request still pending after this long was cut off by a crash: its key is free again. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    private final MongoCollection<Document> records;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    IdempotencyFilter(MongoDatabase database, ObjectMapper objectMapper, Clock clock) {
        this.records = database.getCollection(COLLECTION);
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        boolean writes = "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
        return !writes || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            writeProblem(response, HttpStatus.BAD_REQUEST, "Invalid Idempotency-Key",
                         "The Idempotency-Key header must have 1 to " + MAX_KEY_LENGTH + " characters");
            return;
        }
        CachedBodyRequest cached = new CachedBodyRequest(request);
        String id = scopeOf(request) + " " + key;
        String hash = sha256(cached.body());

        IdempotencyRecord existing = claim(id, hash);
        if (existing != null) {
            answerRepeat(existing, hash, response);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(cached, captured);
            if (keeps(captured)) {
                records.updateOne(Filters.eq(IdempotencyRecord.ID, id),
                                  Updates.combine(Updates.set(IdempotencyRecord.STATUS, captured.getStatus()),
                                                  Updates.set(IdempotencyRecord.CONTENT_TYPE,
                                                              captured.getContentType()),
                                                  Updates.set(IdempotencyRecord.BODY,
                                                              new Binary(captured.getContentAsByteArray()))));
                kept = true;
            }
        } finally {
            if (!kept) {
                records.deleteOne(Filters.eq(IdempotencyRecord.ID, id));
            }
            captured.copyBodyToResponse();
        }
    }

    /** Whose request to which resource: the authenticated caller, the method and the path. */
    static String scopeOf(HttpServletRequest request) {
        Principal caller = request.getUserPrincipal();
        return (caller == null ? "anonymous" : caller.getName()) + " " + request.getMethod() + " "
                + request.getRequestURI();
    }

    /**
     * Answers that a repeat must get again: not a malformed request, a server failure or a transient refusal (an answer
     * with {@code Retry-After}, such as a lost optimistic-concurrency race), which a retry with the same key may pass.
     */
    private static boolean keeps(HttpServletResponse response) {
        int status = response.getStatus();
        return status != 400 && status < 500 && response.getHeader(HttpHeaders.RETRY_AFTER) == null;
    }

    /** Inserts a pending record for the key; returns the record already there if another request claimed it. */
    private IdempotencyRecord claim(String id, String hash) {
        IdempotencyRecord pending = new IdempotencyRecord(id, hash, 0, null, new byte[0], new Date(clock.millis()));
        try {
            records.insertOne(pending.toDocument());
            return null;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document found = records.find(Filters.eq(IdempotencyRecord.ID, id)).first();
            if (found == null) {
                return claim(id, hash);
            }
            IdempotencyRecord existing = IdempotencyRecord.of(found);
            if (abandoned(existing)) {
                records.deleteOne(Filters.and(Filters.eq(IdempotencyRecord.ID, id),
                                              Filters.eq(IdempotencyRecord.STATUS, 0)));
                return claim(id, hash);
            }
            return existing;
        }
    }

    private boolean abandoned(IdempotencyRecord record) {
        return !record.completed()
                && record.createdAt().toInstant().plus(ABANDONED_AFTER).isBefore(clock.instant());
    }

    /** Forgets the answers older than the retention; runs on a schedule. */
    long forgetOlderThan(Duration retention) {
        Date cutoff = Date.from(clock.instant().minus(retention));
        return records.deleteMany(Filters.lt(IdempotencyRecord.CREATED_AT, cutoff)).getDeletedCount();
    }

    private void answerRepeat(IdempotencyRecord existing, String hash, HttpServletResponse response)
            throws IOException {
        if (!existing.requestHash().equals(hash)) {
            writeProblem(response, HttpStatus.CONFLICT, "Idempotency-Key reused",
                         "This Idempotency-Key was used before with a different request body");
            return;
        }
        if (!existing.completed()) {
            writeProblem(response, HttpStatus.CONFLICT, "Request in progress",
                         "A request with this Idempotency-Key is still being handled; retry later");
            return;
        }
        response.setStatus(existing.status());
        if (existing.contentType() != null) {
            response.setContentType(existing.contentType());
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.getOutputStream().write(existing.body());
    }

    private void writeProblem(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", HEADER, "message", detail)));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(objectMapper.writeValueAsBytes(problem));
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

}
