package se.samverka.gateway.portal.operations;

/**
 * How one part of the platform is, as its health says.
 *
 * @param part    the part: a service's instance as the runtime names it, or the identity provider or the gateway
 * @param address where it answers
 * @param status  its health's status (UP, DOWN, OUT_OF_SERVICE, UNKNOWN); null when it did not answer
 * @param store   its "mongo" component's status, as it sees the store; null when it reports none
 * @param broker  its "kafka" component's status, as it sees the broker; null when it reports none
 */
record PartHealth(String part, String address, String status, String store, String broker) {

    static PartHealth notAnswering(String part, String address) {
        return new PartHealth(part, address, null, null, null);
    }

    public boolean answering() {
        return status != null;
    }

    public boolean needsAPerson() {
        return !"UP".equals(status);
    }
}
