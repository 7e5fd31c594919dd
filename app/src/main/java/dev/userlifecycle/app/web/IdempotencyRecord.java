package dev.userlifecycle.app.web;

import org.bson.Document;
import org.bson.types.Binary;

import java.util.Date;

/**
 * What the service answered to a request with an {@code Idempotency-Key}, keyed by the caller, method, path and key.
 * {@code status} is 0 while the first request is still being handled.
 */
record IdempotencyRecord(String id, String requestHash, int status, String contentType, byte[] body, Date createdAt) {

    static final String ID = "_id";
    static final String REQUEST_HASH = "requestHash";
    static final String STATUS = "status";
    static final String CONTENT_TYPE = "contentType";
    static final String BODY = "body";
    static final String CREATED_AT = "createdAt";

    boolean completed() {
        return status != 0;
    }

    Document toDocument() {
        return new Document(ID, id).append(REQUEST_HASH, requestHash).append(STATUS, status)
                                   .append(CONTENT_TYPE, contentType).append(BODY, new Binary(body))
                                   .append(CREATED_AT, createdAt);
    }

    static IdempotencyRecord of(Document document) {
        Binary body = document.get(BODY, Binary.class);
        return new IdempotencyRecord(document.getString(ID), document.getString(REQUEST_HASH),
                                     document.getInteger(STATUS, 0), document.getString(CONTENT_TYPE),
                                     body == null ? new byte[0] : body.getData(), document.getDate(CREATED_AT));
    }
}
