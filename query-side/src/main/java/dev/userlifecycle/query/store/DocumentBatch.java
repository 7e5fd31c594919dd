package dev.userlifecycle.query.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.BulkWriteOptions;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The read-model documents of one batch of events: read together by {@code _id $in} when the batch starts, changed in
 * memory by the batch's handlers, and written together by {@code _id} while the batch's last event is handled.
 * Writing inside the last handler, rather than when the unit of work commits, puts the write before the tracking
 * token's: the token is stored in the commit phase, so a failed write rolls the batch back and it is handled again.
 * <p>
 * Outside a batching unit of work (a test calling a handler, a subscribing processor) every event is a batch of
 * one. The batch lives in the unit of work's resources, so a rolled-back batch leaves nothing behind.
 */
public final class DocumentBatch {

    private static final int IDS_PER_READ = 1_000;

    private final MongoCollection<Document> collection;
    private final Map<String, Document> originals = new HashMap<>();
    private final Map<String, Document> current = new HashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();

    /** A document as the batch found it and as the batch leaves it; {@code before} is null for a new one. */
    public record Change(String id, Document before, Document after) {
    }

    private DocumentBatch(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /**
     * The batch of the unit of work in progress for {@code collection}; on its first use, the documents named by
     * {@code idsOf} for every event of the batch are read in one go.
     */
    public static DocumentBatch current(MongoCollection<Document> collection,
                                       Function<Message<?>, Collection<String>> idsOf) {
        if (!CurrentUnitOfWork.isStarted()) {
            return new DocumentBatch(collection);
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        String key = DocumentBatch.class.getName() + "/" + collection.getNamespace().getFullName();
        return unitOfWork.root().getOrComputeResource(key, k -> {
            DocumentBatch batch = new DocumentBatch(collection);
            Set<String> ids = new LinkedHashSet<>();
            if (unitOfWork instanceof BatchingUnitOfWork<?> batching) {
                batching.getMessages().forEach(message -> ids.addAll(idsOf.apply(message)));
            } else {
                ids.addAll(idsOf.apply(unitOfWork.getMessage()));
            }
            batch.load(ids);
            return batch;
        });
    }

    private void load(Collection<String> ids) {
        List<String> pending = new ArrayList<>(ids);
        for (int from = 0; from < pending.size(); from += IDS_PER_READ) {
            List<String> chunk = pending.subList(from, Math.min(pending.size(), from + IDS_PER_READ));
            chunk.forEach(id -> originals.put(id, null));
            for (Document found : collection.find(Filters.in("_id", chunk))) {
                originals.put(found.getString("_id"), found);
            }
        }
    }

    /** The document as the batch has it now, {@code null} when there is none. */
    public Document get(String id) {
        if (current.containsKey(id)) {
            return current.get(id);
        }
        if (!originals.containsKey(id)) {
            originals.put(id, collection.find(Filters.eq("_id", id)).first());
        }
        return originals.get(id);
    }

    public void put(String id, Document document) {
        get(id);
        current.put(id, document);
        changed.add(id);
    }

    /**
     * Ends the handling of one event: when it is the last of its batch (or there is no batch), writes every changed
     * document and answers the changes; otherwise answers nothing yet.
     */
    public List<Change> endOfEvent() {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batching
                && !batching.isLastMessage()) {
            return List.of();
        }
        if (changed.isEmpty()) {
            return List.of();
        }
        List<ReplaceOneModel<Document>> writes = new ArrayList<>(changed.size());
        List<Change> changes = new ArrayList<>(changed.size());
        for (String id : changed) {
            Document after = current.get(id);
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), after, new ReplaceOptions().upsert(true)));
            changes.add(new Change(id, originals.get(id), after));
        }
        collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        changed.clear();
        changes.forEach(change -> originals.put(change.id(), change.after()));
        return changes;
    }
}
