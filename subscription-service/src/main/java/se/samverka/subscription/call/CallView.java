package se.samverka.subscription.call;

import se.samverka.partnership.contracts.CallDescription;

/**
 * What this service knows of a funding call, from its events: its visibility, which decides who may see its events,
 * and its public description, which a delivery of its events discloses (a call is public information of its
 * programme).
 */
public record CallView(String callId, CallDescription description) {
}
