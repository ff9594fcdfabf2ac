package org.mutualis.identity.region.persistence;

import java.util.List;
import java.util.Optional;

import org.mutualis.identity.region.Region;
import org.mutualis.identity.region.Regions;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Keeps the regions in the {@code regions} collection, seeded with Montérégie-Ouest at start-up when absent. */
@Repository
class MongoRegions implements Regions {

	static final String COLLECTION = "regions";

	private static final Region MONTEREGIE_OUEST = new Region("monteregie-ouest", "Montérégie-Ouest",
			List.of("Beauharnois-Salaberry", "Haut-Saint-Laurent", "Jardins-de-Napierville", "Roussillon",
					"Vaudreuil-Soulanges"));

	private final MongoTemplate mongo;

	MongoRegions(MongoTemplate mongo) {
		this.mongo = mongo;
		if (!mongo.exists(Query.query(Criteria.where("_id").is(MONTEREGIE_OUEST.id())), COLLECTION)) {
			mongo.save(new RegionDocument(MONTEREGIE_OUEST.id(), MONTEREGIE_OUEST.name(), MONTEREGIE_OUEST.mrcs()),
					COLLECTION);
		}
	}

	@Override
	public List<Region> all() {
		return this.mongo.findAll(RegionDocument.class, COLLECTION).stream().map(RegionDocument::toRegion).toList();
	}

	@Override
	public Optional<Region> ofMrc(String mrc) {
		return all().stream().filter((region) -> region.mrcs().contains(mrc)).findFirst();
	}

	record RegionDocument(@Id String id, String name, List<String> mrcs) {

		Region toRegion() {
			return new Region(this.id, this.name, this.mrcs);
		}

	}

}
