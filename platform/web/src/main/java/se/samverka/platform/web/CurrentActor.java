package se.samverka.platform.web;

/**
 * Who makes the current request, for histories (who moved a partnership to ACTIVE). Until sign-in arrives every
 * request is anonymous; the access layer will provide the signed-in user.
 */
@FunctionalInterface
public interface CurrentActor {

    String ANONYMOUS = "anonymous";

    String name();
}
