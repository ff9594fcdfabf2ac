package org.mutualis.springy.alpha;

import org.springframework.stereotype.Component;

/** Planted violation: a domain class that is a Spring component. */
@Component
public class Alpha {
}
