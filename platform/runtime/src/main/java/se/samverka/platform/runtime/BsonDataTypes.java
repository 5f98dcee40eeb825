package se.samverka.platform.runtime;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.function.Function;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the store writes documents and index keys: in BSON, the wire's own encoding, so a stored value reads back as
 * exactly what a client sent. H2's default writes them with Java serialization, a new object stream per value with
 * its class descriptions, and orders index keys by serializing both on every comparison; that was half the server's
 * CPU under writes, much of it inside the commit every writer waits for.
 */
final class BsonDataTypes {

    /** Marks a value written here; H2's own format never starts with it (its tags end at 119). */
    private static final byte BSON = 120;
    /** Marks a key part that is absent from the document; BSON has no type 0. */
    private static final byte MISSING = 0;

    private BsonDataTypes() {
    }

    /**
     * Documents in BSON. Reads also what H2's default wrote, so a store from before reads on; each page takes the new
     * form when it is next written.
     */
    static final class Documents extends BasicDataType<Document> {

        private final ObjectDataType earlier = new ObjectDataType();

        /**
         * Runs within the commit, where a failure stops the store; a document BSON cannot hold (which no client can
         * have sent) is therefore written in H2's own form, which the read tells apart.
         */
        @Override
        public void write(WriteBuffer buffer, Document document) {
            byte[] bson;
            try {
                bson = encode(out -> BsonEncoder.encodeDocument(document, out));
            } catch (RuntimeException e) {
                earlier.write(buffer, document);
                return;
            }
            buffer.put(BSON).putVarInt(bson.length).put(bson);
        }

        @Override
        public Document read(ByteBuffer buffer) {
            if (buffer.get(buffer.position()) != BSON) {
                return (Document) earlier.read(buffer);
            }
            buffer.get();
            return decode(buffer, DataUtils.readVarInt(buffer), BsonDecoder::decodeBson);
        }

        /**
         * What the decoded document takes on the heap, roughly, from its own fields: the page cache counts its size by
         * this. An average of encoded sizes, as before, made the cache hold about 8.5 times what it was given.
         */
        @Override
        public int getMemory(Document document) {
            return (int) Math.min(Integer.MAX_VALUE, memoryOf(document));
        }

        @Override
        public Document[] createStorage(int size) {
            return new Document[size];
        }
    }

    /**
     * A unique index's keys in BSON, ordered by their encoding: a total order in which two keys are equal exactly
     * when every part is the same value of the same type, which is what the index asks.
     */
    static final class Keys extends BasicDataType<KeyValue> {

        @Override
        public int compare(KeyValue one, KeyValue other) {
            if (one == other) {
                return 0;
            }
            return Arrays.compareUnsigned(encode(one), encode(other));
        }

        /** H2's own search, but the key sought is encoded once rather than at every comparison. */
        @Override
        public int binarySearch(KeyValue key, Object storage, int size, int initialGuess) {
            byte[] sought = encode(key);
            KeyValue[] keys = cast(storage);
            int low = 0;
            int high = size - 1;
            int at = initialGuess - 1;
            if (at < 0 || at > high) {
                at = high >>> 1;
            }
            while (low <= high) {
                int comparison = keys[at] == key ? 0 : Arrays.compareUnsigned(sought, encode(keys[at]));
                if (comparison > 0) {
                    low = at + 1;
                } else if (comparison < 0) {
                    high = at - 1;
                } else {
                    return at;
                }
                at = (low + high) >>> 1;
            }
            return -(low + 1);
        }

        @Override
        public void write(WriteBuffer buffer, KeyValue key) {
            byte[] bytes = encode(key);
            buffer.putVarInt(bytes.length).put(bytes);
        }

        @Override
        public KeyValue read(ByteBuffer buffer) {
            return decode(buffer, DataUtils.readVarInt(buffer), in -> {
                int size = in.readInt();
                Object[] parts = new Object[size];
                for (int i = 0; i < size; i++) {
                    byte type = in.readByte();
                    parts[i] = type == MISSING ? Missing.getInstance() : BsonDecoder.decodeValue(type, in);
                }
                return new KeyValue(parts);
            });
        }

        @Override
        public int getMemory(KeyValue key) {
            return 64 + 48 * key.size();
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }

        private static byte[] encode(KeyValue key) {
            return BsonDataTypes.encode(out -> {
                out.writeInt(key.size());
                for (Object part : key) {
                    if (part instanceof Missing) {
                        out.writeByte(MISSING);
                    } else {
                        byte type = BsonEncoder.determineType(part);
                        out.writeByte(type);
                        BsonEncoder.encodeValue(type, part, out);
                    }
                }
            });
        }
    }

    /**
     * Bytes on a 64-bit heap with compressed references: a map entry of 40 and a slot of its table per field, a string
     * of 40 and its Latin-1 characters, 16 to 24 for a boxed value, a list's array of references.
     */
    static long memoryOf(Object value) {
        if (value instanceof Document document) {
            long memory = 88 + 4L * Integer.highestOneBit(Math.max(document.size() * 4 / 3, 1) * 2);
            for (var field : document.entrySet()) {
                memory += 40 + memoryOf(field.getKey()) + memoryOf(field.getValue());
            }
            return memory;
        }
        if (value instanceof CharSequence text) {
            return 40 + text.length();
        }
        if (value instanceof Collection<?> values) {
            long memory = 40 + 4L * values.size();
            for (Object element : values) {
                memory += memoryOf(element);
            }
            return memory;
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        return 24;
    }

    private interface Encoding {
        void into(ByteBuf out);
    }

    private static byte[] encode(Encoding encoding) {
        ByteBuf out = Unpooled.buffer(256);
        try {
            encoding.into(out);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }

    private static <T> T decode(ByteBuffer buffer, int length, Function<ByteBuf, T> decoding) {
        ByteBuffer slice = buffer.slice();
        slice.limit(length);
        buffer.position(buffer.position() + length);
        return decoding.apply(Unpooled.wrappedBuffer(slice));
    }
}
