package org.mutualis.listings.category;

import java.util.List;
import java.util.Optional;

/** The managed list of categories. */
public interface Categories {

	/** @return every category, in display order */
	List<Category> all();

	/**
	 * Finds a category.
	 * @param code its code
	 * @return it, if it exists
	 */
	Optional<Category> find(String code);

}
