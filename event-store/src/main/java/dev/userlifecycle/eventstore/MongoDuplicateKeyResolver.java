package dev.userlifecycle.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/** Tells Axon which MongoDB errors mean that a sequence number was already taken. */
final class MongoDuplicateKeyResolver implements PersistenceExceptionResolver {

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        Throwable cause = exception;
        while (cause != null) {
            if (cause instanceof MongoWriteException write
                    && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
            if (cause instanceof MongoBulkWriteException bulk && bulk.getWriteErrors().stream().anyMatch(
                    error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                return true;
            }
            cause = cause.getCause();
        }
        return false;
    }
}
