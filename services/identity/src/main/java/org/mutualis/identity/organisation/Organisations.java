package org.mutualis.identity.organisation;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.mutualis.identity.common.Page;
import org.mutualis.identity.common.Paging;

/** The organisations of the platform, stored with their pending events. */
public interface Organisations {

	/**
	 * Finds an organisation.
	 * @param id its id
	 * @return it, if it exists
	 */
	Optional<Organisation> find(String id);

	/**
	 * Lists organisations, most recently registered first, one page at a time.
	 * @param status only those with this status, or all when {@code null}
	 * @param paging which page
	 * @return the page of organisations
	 */
	Page<Organisation> list(@Nullable OrganisationStatus status, Paging paging);

	/**
	 * Lists the organisations a person belongs to.
	 * @param personId the person
	 * @return their organisations
	 */
	List<Organisation> ofMember(String personId);

	/**
	 * Stores a new or changed organisation together with the events it recorded, in one atomic write.
	 * @param organisation the organisation
	 * (the store refuses the write with an optimistic-locking failure when someone else changed it meanwhile)
	 */
	void save(Organisation organisation);

}
