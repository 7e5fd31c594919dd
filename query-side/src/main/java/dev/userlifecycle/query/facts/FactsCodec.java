package dev.userlifecycle.query.facts;

import com.mongodb.client.MongoCollection;
import dev.userlifecycle.query.retention.UserFacts;
import dev.userlifecycle.query.store.ReadModels;
import dev.userlifecycle.query.retention.WakeUpEntry;
import dev.userlifecycle.query.retention.WinBackFacts;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes {@link StoredFacts} documents straight from the wire into {@link UserFacts}, without building a generic
 * document first: passes over every user (a layering run, a rebuild of the analytics) read a million of them.
 * Read-only; the projection writes through {@link StoredFacts#toDocument()}.
 */
public final class FactsCodec implements Codec<FactsCodec.Decoded> {

    private static final DocumentCodec DOCUMENTS = new DocumentCodec();

    /**
     * One user's facts and win-back facts (both {@code null} before registration) and the registration day of their
     * referrer.
     */
    public record Decoded(UserFacts facts, int referrerRegisteredDay, WinBackFacts winBack) {
    }

    /** The facts collection, read through this codec. */
    public static MongoCollection<Decoded> collection(ReadModels readModels) {
        return readModels.database().getCollection(readModels.name(StoredFacts.COLLECTION), Decoded.class)
                         .withCodecRegistry(CodecRegistries.fromRegistries(
                                 CodecRegistries.fromCodecs(new FactsCodec()),
                                 readModels.database().getCodecRegistry()));
    }

    @Override
    public Decoded decode(BsonReader reader, DecoderContext context) {
        String userId = null;
        int registeredDay = UserFacts.NONE;
        int activatedDay = UserFacts.NONE;
        String referrerId = null;
        int referrerDay = UserFacts.NONE;
        int[] activeDays = new int[0];
        int[] purchaseDays = new int[0];
        long[] cents = new long[0];
        int[] dormancyDays = new int[0];
        List<WakeUpEntry> wakeUps = List.of();
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            switch (reader.readName()) {
                case "_id" -> userId = reader.readString();
                case "registeredDay" -> registeredDay = readInt(reader);
                case "activatedDay" -> activatedDay = readInt(reader);
                case "referrerId" -> referrerId = readStringOrNull(reader);
                case "referrerRegisteredDay" -> referrerDay = readInt(reader);
                case "activeDays" -> activeDays = readInts(reader);
                case "purchases" -> {
                    Purchases purchases = readPurchases(reader);
                    purchaseDays = purchases.days;
                    cents = purchases.cents;
                }
                case "dormancies" -> dormancyDays = readDormancyDays(reader);
                case "wakeUps" -> wakeUps = readWakeUps(reader, context);
                default -> reader.skipValue();
            }
        }
        reader.readEndDocument();
        if (registeredDay == UserFacts.NONE) {
            return new Decoded(null, referrerDay, null);
        }
        UserFacts facts = new UserFacts(userId, registeredDay, activatedDay, activeDays, purchaseDays, cents,
                                        referrerId);
        return new Decoded(facts, referrerDay, new WinBackFacts(userId, registeredDay, dormancyDays, wakeUps));
    }

    private static int[] readDormancyDays(BsonReader reader) {
        List<Integer> days = new ArrayList<>();
        reader.readStartArray();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                if (reader.readName().equals("day")) {
                    days.add(readInt(reader));
                } else {
                    reader.skipValue();
                }
            }
            reader.readEndDocument();
        }
        reader.readEndArray();
        return days.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
    }

    // few users have any: decoded as generic documents
    private static List<WakeUpEntry> readWakeUps(BsonReader reader, DecoderContext context) {
        List<WakeUpEntry> entries = new ArrayList<>();
        reader.readStartArray();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            entries.add(StoredWinBack.entry(DOCUMENTS.decode(reader, context)));
        }
        reader.readEndArray();
        return entries;
    }

    private static int readInt(BsonReader reader) {
        return switch (reader.getCurrentBsonType()) {
            case INT32 -> reader.readInt32();
            case INT64 -> (int) reader.readInt64();
            case DOUBLE -> (int) reader.readDouble();
            default -> {
                reader.skipValue();
                yield UserFacts.NONE;
            }
        };
    }

    private static String readStringOrNull(BsonReader reader) {
        if (reader.getCurrentBsonType() == BsonType.STRING) {
            return reader.readString();
        }
        reader.skipValue();
        return null;
    }

    private static int[] readInts(BsonReader reader) {
        int[] values = new int[16];
        int count = 0;
        reader.readStartArray();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = readInt(reader);
        }
        reader.readEndArray();
        return Arrays.copyOf(values, count);
    }

    private record Purchases(int[] days, long[] cents) {
    }

    private static Purchases readPurchases(BsonReader reader) {
        int[] days = new int[4];
        long[] cents = new long[4];
        int count = 0;
        reader.readStartArray();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            if (count == days.length) {
                days = Arrays.copyOf(days, count * 2);
                cents = Arrays.copyOf(cents, count * 2);
            }
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                switch (reader.readName()) {
                    case "day" -> days[count] = readInt(reader);
                    case "cents" -> cents[count] = reader.getCurrentBsonType() == BsonType.INT64
                            ? reader.readInt64() : readInt(reader);
                    default -> reader.skipValue();
                }
            }
            reader.readEndDocument();
            count++;
        }
        reader.readEndArray();
        return new Purchases(Arrays.copyOf(days, count), Arrays.copyOf(cents, count));
    }

    @Override
    public void encode(BsonWriter writer, Decoded value, EncoderContext context) {
        throw new UnsupportedOperationException("facts are written by the projection as documents");
    }

    @Override
    public Class<Decoded> getEncoderClass() {
        return Decoded.class;
    }
}
