package org.mutualis.listings.category.web;

import java.util.List;

import org.mutualis.listings.category.Categories;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the managed list of categories to anyone. */
@RestController
class CategoryController {

	private final Categories categories;

	CategoryController(Categories categories) {
		this.categories = categories;
	}

	@GetMapping("/api/listings/categories")
	List<CategoryView> categories() {
		return this.categories.all()
			.stream()
			.map((category) -> new CategoryView(category.code(), category.nameFr(), category.nameEn(),
					category.kinds()))
			.toList();
	}

	record CategoryView(String code, String nameFr, String nameEn, List<String> kinds) {
	}

}
