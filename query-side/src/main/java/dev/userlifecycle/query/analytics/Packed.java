package dev.userlifecycle.query.analytics;

import org.bson.types.Binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Counter arrays as BSON binary, four or eight bytes per number: a year of daily offsets is a few kilobytes to read
 * instead of a thousand BSON array elements to decode.
 */
final class Packed {

    private Packed() {
    }

    static Binary ints(int[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asIntBuffer().put(values);
        return new Binary(buffer.array());
    }

    static int[] ints(Object stored) {
        if (stored == null) {
            return new int[0];
        }
        byte[] bytes = binary(stored);
        int[] values = new int[bytes.length / Integer.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(values);
        return values;
    }

    static Binary longs(long[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asLongBuffer().put(values);
        return new Binary(buffer.array());
    }

    static long[] longs(Object stored) {
        if (stored == null) {
            return new long[0];
        }
        byte[] bytes = binary(stored);
        long[] values = new long[bytes.length / Long.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(values);
        return values;
    }

    private static byte[] binary(Object stored) {
        return stored instanceof Binary binary ? binary.getData() : (byte[]) stored;
    }
}
