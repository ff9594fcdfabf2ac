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
	 * The document's weight for H2: how it fills pages (a page is split above 16 KB) and when the unsaved changes call
	 * for a commit. An estimate of its Java serialisation, about one and a half times its BSON, computed by a walk
	 * without encoding anything: what H2 counted for documents before they were BSON (its average serialised size).
	 * Counting the objects on the heap instead (three to seven times more) split the pages into a third of the
	 * documents each and committed several times as often: more pages written, and a store file growing six times as
	 * fast under the booking benchmark.
	 */
	@Override
	public int getMemory(Document document) {
		return 32 + bsonSize(document) * 3 / 2;
	}

	/** About the value's BSON size (its element's type byte and name not included). */
	private static int bsonSize(Object value) {
		if (value instanceof Map<?, ?> map) {
			int size = 5;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				size += 2 + String.valueOf(entry.getKey()).length() + bsonSize(entry.getValue());
			}
			return size;
		}
		if (value instanceof Collection<?> values) {
			int size = 5;
			int index = 0;
			for (Object element : values) {
				size += 2 + stringSize(index++) + bsonSize(element);
			}
			return size;
		}
		if (value instanceof String string) {
			return 5 + string.length();
		}
		if (value instanceof byte[] bytes) {
			return 5 + bytes.length;
		}
		if (value == null || value instanceof Boolean) {
			return 1;
		}
		if (value instanceof Integer) {
			return 4;
		}
		return 12;
	}

	private static int stringSize(int index) {
		return (index < 10) ? 1 : (index < 100) ? 2 : (index < 1000) ? 3 : 6;
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
