package org.mutualis.identity.region.web;

import java.util.List;

import org.mutualis.identity.region.Region;
import org.mutualis.identity.region.Regions;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists the regions and MRCs an organisation may register in; public. */
@RestController
class RegionController {

	private final Regions regions;

	RegionController(Regions regions) {
		this.regions = regions;
	}

	@GetMapping("/api/identity/regions")
	List<Region> regions() {
		return this.regions.all();
	}

}
