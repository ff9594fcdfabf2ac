package org.mutualis.identity.region;

import java.util.List;

/**
 * An administrative region of Québec served by the platform, with its regional county municipalities (MRC).
 *
 * @param id stable id, e.g. {@code monteregie-ouest}
 * @param name its name
 * @param mrcs the MRCs in it
 */
public record Region(String id, String name, List<String> mrcs) {
}
