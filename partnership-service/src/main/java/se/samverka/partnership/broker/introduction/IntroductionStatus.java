package se.samverka.partnership.broker.introduction;

/** PROPOSED until both sides have accepted (ACCEPTED) or one has declined (DECLINED). */
public enum IntroductionStatus {
    PROPOSED,
    ACCEPTED,
    DECLINED
}
