package org.mutualis.listings.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.mutualis.listings.listing.Availability;
import org.mutualis.listings.listing.Bilingual;
import org.mutualis.listings.listing.Blackout;
import org.mutualis.listings.listing.BookingMode;
import org.mutualis.listings.listing.BookingPolicy;
import org.mutualis.listings.listing.BookingUnit;
import org.mutualis.listings.listing.Contact;
import org.mutualis.listings.listing.CostMode;
import org.mutualis.listings.listing.CostRecovery;
import org.mutualis.listings.listing.EquipmentCondition;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.listing.ListingDetails;
import org.mutualis.listings.listing.ListingKind;
import org.mutualis.listings.listing.Listings;
import org.mutualis.listings.listing.Location;
import org.mutualis.listings.organisation.OrganisationStanding;
import org.mutualis.listings.listing.ServiceDelivery;
import org.mutualis.listings.listing.Traits;
import org.mutualis.listings.listing.WeeklyWindow;
import org.mutualis.listings.listing.application.ListingManagement;
import org.mutualis.listings.organisation.OrganisationStatus;
import org.mutualis.listings.organisation.Organisations;
import org.mutualis.listings.photo.PhotoInspection;
import org.mutualis.listings.photo.application.PhotoManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Loads demonstration listings when {@code mutualis.demo.enabled=true}: published resources of three demo
 * organisations across the five MRCs of Montérégie-Ouest, with generated photos, plus a few drafts and listings
 * waiting for review. Listing ids are derived from their rank, so a second start adds nothing.
 */
@Component
@ConditionalOnProperty(name = "mutualis.demo.enabled", havingValue = "true")
@Order(10)
class DemoData implements ApplicationRunner {

	static final String LA_RUCHE = "5e1f0001-0000-4000-8000-000000000001";

	static final String LE_PHARE = "5e1f0002-0000-4000-8000-000000000002";

	static final String JARDINS_SOLIDAIRES = "5e1f0003-0000-4000-8000-000000000003";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private static final String DEMO_ACTOR = "demo-data";

	private final Listings listings;

	private final ListingManagement management;

	private final PhotoManagement photos;

	private final Organisations organisations;

	private final Clock clock;

	DemoData(Listings listings, ListingManagement management, PhotoManagement photos, Organisations organisations,
			Clock clock) {
		this.listings = listings;
		this.management = management;
		this.photos = photos;
		this.organisations = organisations;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		organisation(LA_RUCHE, "Coopérative La Ruche", "Vaudreuil-Soulanges", "Vaudreuil-Dorion");
		organisation(LE_PHARE, "Centre communautaire Le Phare", "Beauharnois-Salaberry", "Salaberry-de-Valleyfield");
		organisation(JARDINS_SOLIDAIRES, "Les Jardins solidaires", "Jardins-de-Napierville", "Saint-Rémi");
		List<Template> templates = templates();
		List<Place> places = places();
		String[] owners = { LA_RUCHE, LE_PHARE, JARDINS_SOLIDAIRES };
		int created = 0;
		int rank = 0;
		for (int round = 0; round < 2; round++) {
			for (int t = 0; t < templates.size(); t++) {
				Place place = places.get((t * 3 + round * 7) % places.size());
				String owner = owners[(t + round) % owners.length];
				Stage stage = Stage.PUBLISHED;
				if (round == 1 && t >= templates.size() - 4) {
					stage = (t % 2 == 0) ? Stage.DRAFT : Stage.PENDING_REVIEW;
				}
				if (load(rank++, templates.get(t), place, owner, stage, round)) {
					created++;
				}
			}
		}
		log.info("demo data: {} listings created, {} already there", created, rank - created);
	}

	private boolean load(int rank, Template template, Place place, String owner, Stage stage, int round) {
		String id = UUID.nameUUIDFromBytes(("mutualis-demo-listing-" + rank).getBytes(StandardCharsets.UTF_8)).toString();
		if (this.listings.find(id).isPresent()) {
			return false;
		}
		Instant now = this.clock.instant();
		ListingDetails details = template.details(place);
		Listing listing = Listing.draft(id, owner, details, DEMO_ACTOR, now);
		if (stage != Stage.DRAFT) {
			listing.submit(DEMO_ACTOR, OrganisationStanding.APPROVED, now);
		}
		if (stage == Stage.PUBLISHED) {
			listing.publish(DEMO_ACTOR, OrganisationStanding.APPROVED, now);
		}
		Listing saved;
		try {
			saved = this.management.storeNew(listing);
		}
		catch (DuplicateKeyException ex) {
			// another instance started at the same moment (infra/local/start --instances listings=2) stored it first
			return false;
		}
		byte[] picture = DemoPictures.card(template.kind(), details.title().in("fr"),
				place.municipality() + " · " + place.mrc(), rank + round);
		if (PhotoInspection.inspect(picture) instanceof PhotoInspection.Verdict.Accepted accepted) {
			this.photos.addInspected(saved, accepted);
		}
		return true;
	}

	private void organisation(String id, String name, String mrc, String municipality) {
		if (this.organisations.find(id).isEmpty()) {
			try {
				this.organisations.record(id, OrganisationStatus.APPROVED, name, mrc, municipality,
						this.clock.instant());
			}
			catch (DuplicateKeyException ex) {
				// another instance recorded it at the same moment
			}
		}
	}

	private static List<Place> places() {
		return List.of(new Place("Salaberry-de-Valleyfield", "Beauharnois-Salaberry", 45.2536, -74.1331),
				new Place("Beauharnois", "Beauharnois-Salaberry", 45.3150, -73.8725),
				new Place("Sainte-Martine", "Beauharnois-Salaberry", 45.2500, -73.8000),
				new Place("Saint-Louis-de-Gonzague", "Beauharnois-Salaberry", 45.2167, -74.0000),
				new Place("Huntingdon", "Haut-Saint-Laurent", 45.0858, -74.1736),
				new Place("Ormstown", "Haut-Saint-Laurent", 45.1272, -74.0000),
				new Place("Saint-Chrysostome", "Haut-Saint-Laurent", 45.1000, -73.7667),
				new Place("Howick", "Haut-Saint-Laurent", 45.1833, -73.8500),
				new Place("Napierville", "Jardins-de-Napierville", 45.1864, -73.4036),
				new Place("Saint-Rémi", "Jardins-de-Napierville", 45.2637, -73.6131),
				new Place("Hemmingford", "Jardins-de-Napierville", 45.0500, -73.5833),
				new Place("Sherrington", "Jardins-de-Napierville", 45.1667, -73.5167),
				new Place("Châteauguay", "Roussillon", 45.3800, -73.7500),
				new Place("La Prairie", "Roussillon", 45.4167, -73.5000),
				new Place("Candiac", "Roussillon", 45.3833, -73.5167),
				new Place("Saint-Constant", "Roussillon", 45.3667, -73.5667),
				new Place("Mercier", "Roussillon", 45.3167, -73.7500),
				new Place("Vaudreuil-Dorion", "Vaudreuil-Soulanges", 45.4000, -74.0333),
				new Place("Rigaud", "Vaudreuil-Soulanges", 45.4833, -74.3000),
				new Place("Hudson", "Vaudreuil-Soulanges", 45.4500, -74.1500),
				new Place("Saint-Lazare", "Vaudreuil-Soulanges", 45.4000, -74.1333),
				new Place("Coteau-du-Lac", "Vaudreuil-Soulanges", 45.3000, -74.1833));
	}

	private static List<Template> templates() {
		List<Template> t = new ArrayList<>();
		t.add(space("meeting-rooms", "Salle de réunion lumineuse", "Bright meeting room",
				"Salle de 20 places avec écran, tableau blanc et Wi-Fi, au rez-de-chaussée.",
				"20-seat room with a screen, whiteboard and Wi-Fi, on the ground floor.", 20, "45", "15.00", "40.00",
				"réunion", "wifi", "accessible"));
		t.add(space("community-kitchens", "Cuisine collective certifiée", "Certified community kitchen",
				"Cuisine commerciale certifiée MAPAQ : deux cuisinières, chambre froide, plonge.",
				"MAPAQ-certified commercial kitchen: two ranges, walk-in cooler, dish station.", 8, "60", "30.00",
				"85.00", "cuisine", "traiteur", "MAPAQ"));
		t.add(space("gyms", "Gymnase double", "Double gymnasium",
				"Gymnase avec vestiaires, filets de volleyball et paniers de basketball.",
				"Gym with locker rooms, volleyball nets and basketball hoops.", 120, "600", null, "120.00",
				"sport", "gymnase", "vestiaires"));
		t.add(space("land-gardens", "Parcelles de jardin communautaire", "Community garden plots",
				"Parcelles de 10 m² avec accès à l’eau et cabanon d’outils, de mai à octobre.",
				"10 m² plots with water access and a tool shed, May to October.", 12, "200", null, "20.00", "jardin",
				"potager", "agriculture urbaine"));
		t.add(space("buildings-storage", "Entrepôt chauffé", "Heated warehouse",
				"Espace d’entreposage de 150 m² avec quai de chargement et accès 24 h.",
				"150 m² storage space with a loading dock and 24-hour access.", 4, "150", "20.00", "55.00",
				"entreposage", "quai", "chauffé"));
		t.add(space("meeting-rooms", "Grande salle communautaire", "Large community hall",
				"Salle de 100 places avec scène, cuisinette et stationnement.",
				"100-seat hall with a stage, kitchenette and parking.", 100, "220", "40.00", "150.00", "salle",
				"événement", "scène"));
		t.add(equipment("vehicles", "Camion cube avec hayon", "Box truck with tailgate lift",
				"Camion de 16 pieds, permis classe 5, idéal pour déménagements et collectes.",
				"16-foot truck, class 5 licence, for moves and collections.", 1, EquipmentCondition.GOOD, "75.00",
				"180.00", BookingUnit.DAY, "camion", "déménagement", "transport"));
		t.add(equipment("tools", "Trousse d’outils de menuiserie", "Carpentry tool kit",
				"Scie circulaire, perceuses sans fil, serre-joints et niveaux.",
				"Circular saw, cordless drills, clamps and levels.", 2, EquipmentCondition.GOOD, null, "45.00",
				BookingUnit.DAY, "outils", "menuiserie", "rénovation"));
		t.add(equipment("audio-visual", "Système de son portatif", "Portable sound system",
				"Deux haut-parleurs amplifiés, console 8 canaux, micros sans fil.",
				"Two powered speakers, 8-channel mixer, wireless microphones.", 1, EquipmentCondition.NEW, "35.00",
				"120.00", BookingUnit.DAY, "son", "micro", "spectacle"));
		t.add(equipment("furniture-events", "Chapiteau 10 x 20 pieds", "10 x 20 ft event tent",
				"Chapiteau blanc avec murs latéraux, poids de lestage inclus.",
				"White tent with side walls, ballast weights included.", 2, EquipmentCondition.FAIR, "50.00", "150.00",
				BookingUnit.DAY, "chapiteau", "festival", "extérieur"));
		t.add(equipment("kitchen-equipment", "Équipement de conserverie", "Canning equipment",
				"Autoclave, marmites de 40 litres et pots Mason pour ateliers de conserves.",
				"Pressure canner, 40-litre pots and Mason jars for canning workshops.", 3, EquipmentCondition.GOOD,
				null, "30.00", BookingUnit.DAY, "conserves", "cuisine", "atelier"));
		t.add(equipment("computers", "Portables pour formation", "Training laptops",
				"Lot de 12 ordinateurs portables avec suite bureautique et chariot de recharge.",
				"Set of 12 laptops with an office suite and a charging cart.", 12, EquipmentCondition.GOOD, "5.00",
				"25.00", BookingUnit.DAY, "informatique", "formation", "portables"));
		t.add(people(ListingKind.STAFF_TIME, "facilitation", "Animatrice pour ateliers jeunesse",
				"Youth workshop facilitator", "Intervenante expérimentée pour animer des ateliers de 8 à 17 ans.",
				"Experienced worker to lead workshops for ages 8 to 17.", ServiceDelivery.ON_SITE, "25.00", "45.00",
				"animation", "jeunesse", "atelier"));
		t.add(people(ListingKind.STAFF_TIME, "maintenance", "Préposé à l’entretien", "Maintenance worker",
				"Menus travaux, peinture et entretien de bâtiments communautaires.",
				"Small repairs, painting and upkeep of community buildings.", ServiceDelivery.ON_SITE, "22.00",
				"50.00", "entretien", "réparations", "peinture"));
		t.add(people(ListingKind.STAFF_TIME, "transport", "Chauffeur bénévole coordonné", "Coordinated volunteer driver",
				"Transport de denrées et de personnes entre nos points de service.",
				"Transport of food and people between our service points.", ServiceDelivery.ON_SITE, null, "35.00",
				"transport", "livraison", "banque alimentaire"));
		t.add(people(ListingKind.STAFF_TIME, "communications", "Soutien aux réseaux sociaux", "Social media support",
				"Planification de publications et création de visuels pour vos campagnes.",
				"Post scheduling and visuals for your campaigns.", ServiceDelivery.REMOTE, "20.00", "60.00",
				"communication", "réseaux sociaux", "graphisme"));
		t.add(people(ListingKind.EXPERTISE, "accounting", "Accompagnement en comptabilité d’OBNL",
				"Non-profit accounting coaching", "Tenue de livres, états financiers et préparation de l’audit.",
				"Bookkeeping, financial statements and audit preparation.", ServiceDelivery.BOTH, null, "90.00",
				"comptabilité", "OBNL", "finances"));
		t.add(people(ListingKind.EXPERTISE, "governance", "Conseil en gouvernance coopérative",
				"Cooperative governance advice", "Règlements généraux, assemblées et rôle du conseil d’administration.",
				"Bylaws, general meetings and the board's role.", ServiceDelivery.BOTH, "40.00", "120.00",
				"gouvernance", "coopérative", "conseil d’administration"));
		t.add(people(ListingKind.EXPERTISE, "human-resources", "Expertise en ressources humaines",
				"Human resources expertise", "Politiques RH, recrutement et équité salariale pour petites équipes.",
				"HR policies, hiring and pay equity for small teams.", ServiceDelivery.REMOTE, null, "100.00", "RH",
				"recrutement", "équité salariale"));
		t.add(people(ListingKind.EXPERTISE, "communications", "Rédaction de demandes de subvention",
				"Grant writing", "Aide à la rédaction de demandes de financement auprès des bailleurs publics.",
				"Help writing funding applications to public funders.", ServiceDelivery.REMOTE, "35.00", "95.00",
				"subvention", "financement", "rédaction"));
		t.add(people(ListingKind.EXPERTISE, "computers", "Soutien informatique et cybersécurité",
				"IT support and cybersecurity", "Diagnostic de postes, sauvegardes et sensibilisation à l’hameçonnage.",
				"Workstation check-ups, backups and phishing awareness.", ServiceDelivery.BOTH, "30.00", "110.00",
				"informatique", "cybersécurité", "sauvegarde"));
		t.add(space("community-kitchens", "Cuisine de quartier", "Neighbourhood kitchen",
				"Petite cuisine équipée pour ateliers culinaires de 10 personnes.",
				"Small equipped kitchen for 10-person cooking workshops.", 10, "35", null, "50.00", "cuisine",
				"atelier", "nutrition"));
		return t;
	}

	private static Template space(String category, String fr, String en, String descFr, String descEn, int capacity,
			String area, String rate, String market, String... tags) {
		return new Template(ListingKind.SPACE, category, fr, en, descFr, descEn, List.of(tags), rate, market,
				BookingUnit.HOUR, capacity,
				new Traits(capacity, new BigDecimal(area), null, null, List.of(), List.of(), null, null));
	}

	private static Template equipment(String category, String fr, String en, String descFr, String descEn,
			int quantity, EquipmentCondition condition, String rate, String market, BookingUnit unit, String... tags) {
		return new Template(ListingKind.EQUIPMENT, category, fr, en, descFr, descEn, List.of(tags), rate, market, unit,
				quantity, new Traits(null, null, quantity, condition, List.of(), List.of(), null, null));
	}

	private static Template people(ListingKind kind, String category, String fr, String en, String descFr,
			String descEn, ServiceDelivery delivery, String rate, String market, String... tags) {
		return new Template(kind, category, fr, en, descFr, descEn, List.of(tags), rate, market, BookingUnit.HOUR, 1,
				new Traits(null, null, null, null, List.of(tags), List.of("fr", "en"), delivery, 1));
	}

	private enum Stage {

		DRAFT, PENDING_REVIEW, PUBLISHED

	}

	private record Place(String municipality, String mrc, double latitude, double longitude) {
	}

	private record Template(ListingKind kind, String category, String titleFr, String titleEn, String descFr,
			String descEn, List<String> tags, String rate, String market, BookingUnit unit, int bookableAtOnce,
			Traits traits) {

		ListingDetails details(Place place) {
			CostRecovery cost = (this.rate == null) ? new CostRecovery(CostMode.FREE, null)
					: new CostRecovery(CostMode.RATE, new BigDecimal(this.rate));
			List<WeeklyWindow> weekly = new ArrayList<>();
			for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
					DayOfWeek.FRIDAY)) {
				weekly.add(new WeeklyWindow(day, LocalTime.of(8, 30), LocalTime.of(17, 0)));
			}
			if (this.kind == ListingKind.SPACE) {
				weekly.add(new WeeklyWindow(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(22, 0)));
			}
			Availability availability = new Availability(weekly,
					List.of(new Blackout(LocalDate.of(2026, 12, 24), LocalDate.of(2027, 1, 3),
							"Fermé pendant les Fêtes / Closed for the holidays")));
			int max = (this.unit == BookingUnit.DAY) ? 3 * 24 * 60 : 8 * 60;
			BookingPolicy policy = new BookingPolicy(
					(this.kind == ListingKind.EQUIPMENT) ? BookingMode.INSTANT : BookingMode.APPROVAL,
					(this.unit == BookingUnit.DAY) ? 24 * 60 : 60, max, 48, 120, 0,
					(this.kind == ListingKind.SPACE) ? 30 : 0, (this.kind == ListingKind.EXPERTISE) ? 4 : null,
					(this.kind == ListingKind.SPACE) ? 48 : BookingPolicy.DEFAULT_CANCELLATION_NOTICE_HOURS);
			List<Bilingual> prerequisites = (this.kind == ListingKind.EQUIPMENT)
					? List.of(new Bilingual("Rapporter l’équipement propre et en bon état.",
							"Return the equipment clean and in good order."))
					: List.of();
			return new ListingDetails(this.kind, new Bilingual(this.titleFr + " — " + place.municipality(), this.titleEn),
					new Bilingual(this.descFr, this.descEn), this.category, this.tags,
					new Location(place.municipality(), place.mrc(), null, place.latitude(), place.longitude()), null,
					this.bookableAtOnce, this.unit, cost, new BigDecimal(this.market), this.traits, availability, policy,
					prerequisites, new Contact("Équipe Mutualis démo", "demo@mutualis.example", null));
		}

	}

}
