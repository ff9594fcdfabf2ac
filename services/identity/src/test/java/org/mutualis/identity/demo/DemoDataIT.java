package org.mutualis.identity.demo;

import org.junit.jupiter.api.Test;
import org.mutualis.identity.IdentityIntegrationTest;
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.OrganisationStatus;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.person.People;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

@IdentityIntegrationTest
class DemoDataIT {

	@Autowired
	DemoData demo;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	MongoTemplate mongo;

	@Test
	void seedsTheDemoOrganisationsOnceWithTheirPeople() {
		long people = this.mongo.count(Query.query(Criteria.where("normalizedEmail").regex("\\.demo$")), "people");
		this.demo.run(null);
		assertThat(this.mongo.count(Query.query(Criteria.where("normalizedEmail").regex("\\.demo$")), "people"))
			.isEqualTo(people)
			.isEqualTo(8);
		Organisation ruche = this.organisations.find(DemoData.LA_RUCHE).orElseThrow();
		assertThat(ruche.status()).isEqualTo(OrganisationStatus.APPROVED);
		assertThat(ruche.profile().mrc()).isEqualTo("Vaudreuil-Soulanges");
		assertThat(this.organisations.find(DemoData.ATELIER_VELO).orElseThrow().status())
			.isEqualTo(OrganisationStatus.REGISTERED);
		String manager = this.people.findByEmail("gestion@laruche.demo").orElseThrow().id();
		assertThat(ruche.roleOf(manager)).contains(MembershipRole.MANAGER);
		assertThat(this.organisations.find(DemoData.JARDINS).orElseThrow().roleOf(manager))
			.contains(MembershipRole.MEMBER);
		assertThat(this.people.findByEmail("admin@mutualis.demo").orElseThrow().admin()).isTrue();
	}

}

