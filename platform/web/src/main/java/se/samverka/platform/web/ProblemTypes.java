package se.samverka.platform.web;

import java.net.URI;

/** The {@code type} URIs of the problem documents the services answer with. */
public final class ProblemTypes {

    private static final String BASE = "https://samverka.se/problems/";

    public static final URI MALFORMED_REQUEST = URI.create(BASE + "malformed-request");
    public static final URI INVALID_REQUEST = URI.create(BASE + "invalid-request");
    public static final URI NOT_FOUND = URI.create(BASE + "not-found");
    public static final URI UNAUTHENTICATED = URI.create(BASE + "unauthenticated");
    public static final URI FORBIDDEN = URI.create(BASE + "forbidden");
    public static final URI CONFLICT = URI.create(BASE + "conflict");
    public static final URI PRECONDITION_REQUIRED = URI.create(BASE + "precondition-required");
    public static final URI VERSION_CONFLICT = URI.create(BASE + "version-conflict");
    public static final URI ILLEGAL_TRANSITION = URI.create(BASE + "illegal-transition");
    public static final URI INTERNAL_ERROR = URI.create(BASE + "internal-error");
    public static final URI SERVICE_UNAVAILABLE = URI.create(BASE + "service-unavailable");

    private ProblemTypes() {
    }
}
