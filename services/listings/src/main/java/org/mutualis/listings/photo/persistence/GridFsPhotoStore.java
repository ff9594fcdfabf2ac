package org.mutualis.listings.photo.persistence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.types.ObjectId;
import org.mutualis.listings.photo.PhotoStore;
import org.mutualis.platform.problem.Refusal;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Repository;

/** Keeps photo bytes in MongoDB GridFS (bucket {@code fs}). */
@Repository
class GridFsPhotoStore implements PhotoStore {

	private final GridFsTemplate gridFs;

	GridFsPhotoStore(GridFsTemplate gridFs) {
		this.gridFs = gridFs;
	}

	@Override
	public String store(byte[] bytes, String contentType, String name) {
		return this.gridFs.store(new ByteArrayInputStream(bytes), name, contentType).toHexString();
	}

	@Override
	public byte[] read(String id) {
		GridFSFile file = this.gridFs.findOne(byId(id));
		if (file == null) {
			throw Refusal.of(Refusal.Reason.NOT_FOUND, "photo-not-found");
		}
		try (InputStream in = this.gridFs.getResource(file).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void delete(String id) {
		this.gridFs.delete(byId(id));
	}

	private static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(new ObjectId(id)));
	}

}
