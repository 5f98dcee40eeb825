package se.samverka.partnership.broker.introduction;

/** What an accepted introduction led to. */
public enum Outcome {
    MEETING,
    JOINT_APPLICATION,
    PROJECT_REGISTERED,
    NOTHING
}
