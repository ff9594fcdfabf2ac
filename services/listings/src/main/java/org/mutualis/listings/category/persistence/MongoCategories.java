package org.mutualis.listings.category.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.mutualis.listings.category.Categories;
import org.mutualis.listings.category.Category;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Keeps the categories in the {@code categories} collection. The starting list is seeded at start-up without
 * overwriting names an administrator changed; the list is then held in memory, since it changes rarely.
 */
@Repository
class MongoCategories implements Categories {

	static final String COLLECTION = "categories";

	private static final List<Category> SEED = List.of(
			category("meeting-rooms", "Salles de réunion", "Meeting rooms", "SPACE"),
			category("community-kitchens", "Cuisines collectives", "Community kitchens", "SPACE"),
			category("gyms", "Gymnases et plateaux sportifs", "Gyms and sports facilities", "SPACE"),
			category("land-gardens", "Terrains et jardins", "Land and gardens", "SPACE"),
			category("buildings-storage", "Bâtiments et entrepôts", "Buildings and storage", "SPACE"),
			category("vehicles", "Véhicules", "Vehicles", "EQUIPMENT"),
			category("tools", "Outils et équipement de chantier", "Tools and work equipment", "EQUIPMENT"),
			category("audio-visual", "Équipement audiovisuel", "Audio-visual equipment", "EQUIPMENT"),
			category("computers", "Informatique", "Computers and IT", "EQUIPMENT", "EXPERTISE"),
			category("furniture-events", "Mobilier et événementiel", "Furniture and events", "EQUIPMENT"),
			category("kitchen-equipment", "Équipement de cuisine", "Kitchen equipment", "EQUIPMENT"),
			category("accounting", "Comptabilité et finances", "Accounting and finance", "EXPERTISE", "STAFF_TIME"),
			category("communications", "Communications et marketing", "Communications and marketing", "EXPERTISE",
					"STAFF_TIME"),
			category("governance", "Gestion et gouvernance", "Management and governance", "EXPERTISE"),
			category("human-resources", "Ressources humaines", "Human resources", "EXPERTISE", "STAFF_TIME"),
			category("facilitation", "Animation et intervention", "Facilitation and community work", "STAFF_TIME",
					"EXPERTISE"),
			category("maintenance", "Entretien et réparations", "Maintenance and repairs", "STAFF_TIME"),
			category("transport", "Transport et livraison", "Transport and delivery", "STAFF_TIME", "EQUIPMENT"));

	private final List<Category> all;

	private final Map<String, Category> byCode;

	MongoCategories(MongoTemplate mongo) {
		for (int i = 0; i < SEED.size(); i++) {
			Category category = SEED.get(i);
			mongo.upsert(Query.query(Criteria.where("_id").is(category.code())),
					new Update().setOnInsert("nameFr", category.nameFr())
						.setOnInsert("nameEn", category.nameEn())
						.setOnInsert("kinds", category.kinds())
						.setOnInsert("position", i),
					COLLECTION);
		}
		this.all = mongo.find(new Query().with(Sort.by("position")), Document.class, COLLECTION)
			.stream()
			.map((document) -> new Category(document.getString("_id"), document.getString("nameFr"),
					document.getString("nameEn"), document.getList("kinds", String.class)))
			.toList();
		this.byCode = this.all.stream().collect(Collectors.toUnmodifiableMap(Category::code, Function.identity()));
	}

	@Override
	public List<Category> all() {
		return this.all;
	}

	@Override
	public Optional<Category> find(String code) {
		return Optional.ofNullable(this.byCode.get(code));
	}

	private static Category category(String code, String fr, String en, String... kinds) {
		return new Category(code, fr, en, List.of(kinds));
	}

}
