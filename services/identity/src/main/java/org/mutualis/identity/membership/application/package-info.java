/**
 * What managers and invited people do with memberships: inviting, changing roles, removing, and accepting an
 * invitation in steps that can be finished by accepting again.
 */
@NullMarked
package org.mutualis.identity.membership.application;

import org.jspecify.annotations.NullMarked;
