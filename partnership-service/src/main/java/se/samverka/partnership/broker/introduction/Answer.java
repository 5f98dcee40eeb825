package se.samverka.partnership.broker.introduction;

/** A side's answer to an introduction. */
public enum Answer {
    ACCEPTED,
    DECLINED
}
