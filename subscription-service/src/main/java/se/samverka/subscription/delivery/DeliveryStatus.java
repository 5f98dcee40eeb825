package se.samverka.subscription.delivery;

/**
 * PENDING until the receiver takes it (DELIVERED) or the last attempt of the schedule failed, the receiver answered
 * 410 Gone or the subscription was disabled (FAILED). A manual redelivery makes it PENDING again.
 */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    FAILED
}
