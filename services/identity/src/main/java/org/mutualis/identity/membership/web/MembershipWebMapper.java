package org.mutualis.identity.membership.web;

import org.mapstruct.Mapper;
import org.mutualis.identity.membership.Invitation;
import org.mutualis.identity.membership.InvitationState;
import org.mutualis.identity.membership.web.MembershipController.InvitationResponse;
import org.mutualis.identity.membership.web.MembershipController.MemberResponse;
import org.mutualis.identity.organisation.Member;
import org.mutualis.identity.person.Person;

/** Maps membership requests and responses; the invitation's secret hash never leaves the service. */
@Mapper
interface MembershipWebMapper {

	InvitationResponse toResponse(InvitationState invitation);

	default InvitationResponse toResponse(Invitation invitation) {
		return toResponse(invitation.state());
	}

	default MemberResponse toResponse(Member member, Person person) {
		return new MemberResponse(member.personId(), person.displayName(), person.email(), member.role(),
				member.joinedAt());
	}

}
