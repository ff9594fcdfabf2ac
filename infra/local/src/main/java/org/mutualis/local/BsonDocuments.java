package org.mutualis.local;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The documents of the local store's collections as H2 writes them in its pages: BSON, as they came over the wire,
 * instead of H2's default, Java serialisation (one object stream per document, class descriptors and all). Java
 * serialisation and deserialisation were 38% of the store's CPU under the booking benchmark: every commit writes the
 * pages that changed, and a page evicted from the cache is read back whole (JFR, infra/benchmarks/README.md).
 * <p>
 * Each value is a kind byte and then either a BSON document (which carries its own length) or, for a document holding
 * a value BSON has no type for, its Java serialisation prefixed by its length, as before: nothing the store accepts
 * is refused when written.
 */
final class BsonDocuments extends BasicDataType<Document> {

	static final BsonDocuments INSTANCE = new BsonDocuments();

	private static final byte BSON = 1;

	private static final byte JAVA = 2;

	private BsonDocuments() {
	}

	@Override
	public void write(WriteBuffer buffer, Document document) {
		ByteBuf bson = Unpooled.buffer(256);
		try {
			BsonEncoder.encodeDocument(document, bson);
		}
		catch (RuntimeException ex) {
			byte[] serialised = ObjectDataType.serialize(document);
			buffer.put(JAVA).putVarInt(serialised.length).put(serialised);
			return;
		}
		buffer.put(BSON).put(bson.nioBuffer());
	}

	@Override
	public Document read(ByteBuffer buffer) {
		byte kind = buffer.get();
		if (kind == JAVA) {
			byte[] serialised = new byte[DataUtils.readVarInt(buffer)];
			buffer.get(serialised);
			return (Document) ObjectDataType.deserialize(serialised);
		}
		if (kind != BSON) {
			throw new IllegalStateException("not a document of this store's format (kind " + kind + ")");
		}
		int start = buffer.position();
		int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start);
		Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(start, length)));
		buffer.position(start + length);
		return document;
	}

	/**
	 * An estimate of the document's size on the heap, by a walk that encodes nothing: H2 bounds its page cache and
	 * its unsaved changes by these estimates, so they must follow the heap. (Estimating the BSON size instead, as H2
	 * had estimated Java-serialised documents, let the cache hold three to five times its share of the heap: a
	 * 330 MB file of an earlier version could not be converted within the default 128 MB.) The pages' split size and
	 * the commit threshold are set to match ({@link StoreBackend#open}).
	 */
	@Override
	public int getMemory(Document document) {
		return estimate(document);
	}

	private static int estimate(Object value) {
		if (value instanceof Map<?, ?> map) {
			int size = 64;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				size += 48 + estimate(entry.getKey()) + estimate(entry.getValue());
			}
			return size;
		}
		if (value instanceof Collection<?> values) {
			int size = 40;
			for (Object element : values) {
				size += 8 + estimate(element);
			}
			return size;
		}
		if (value instanceof String string) {
			return 48 + string.length();
		}
		if (value instanceof byte[] bytes) {
			return 16 + bytes.length;
		}
		return 24;
	}

	/** Values are compared only to replace one conditionally: equal documents are equal, others ordered by bytes. */
	@Override
	public int compare(Document a, Document b) {
		if (a.equals(b)) {
			return 0;
		}
		return Arrays.compare(bytes(a), bytes(b));
	}

	private byte[] bytes(Document document) {
		WriteBuffer buffer = new WriteBuffer(256);
		write(buffer, document);
		ByteBuffer written = buffer.getBuffer();
		written.flip();
		byte[] bytes = new byte[written.remaining()];
		written.get(bytes);
		return bytes;
	}

	@Override
	public Document[] createStorage(int size) {
		return new Document[size];
	}

}
