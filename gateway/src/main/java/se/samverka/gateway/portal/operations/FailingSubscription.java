package se.samverka.gateway.portal.operations;

/**
 * A partner's subscription whose webhooks do not get through: deliveries given up, deliveries waiting for another
 * attempt, or the subscription disabled because its receiver answered 410 Gone.
 *
 * @param status         ACTIVE or DISABLED
 * @param disabledReason why it was disabled, when it was
 * @param failed         deliveries given up
 * @param waiting        deliveries not yet delivered
 */
record FailingSubscription(String id, String sink, String organisationId, String status, String disabledReason,
                           long failed, long waiting) {

    public boolean needsAPerson() {
        return failed > 0 || "DISABLED".equals(status);
    }
}
