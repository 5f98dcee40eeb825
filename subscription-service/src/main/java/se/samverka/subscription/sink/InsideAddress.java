package se.samverka.subscription.sink;

import org.springframework.context.MessageSourceResolvable;

/**
 * The kinds of address inside a network that webhooks may not reach. Each is a word of a refusal: the bundles may
 * hold it in another language ({@code address.PRIVATE}), English is the word given here.
 */
enum InsideAddress implements MessageSourceResolvable {

    LOOPBACK("loopback"),
    UNSPECIFIED("unspecified"),
    CLOUD_METADATA("cloud metadata"),
    LINK_LOCAL("link-local"),
    PRIVATE("private"),
    MULTICAST("multicast"),
    SHARED("shared (CGNAT)"),
    BROADCAST("broadcast"),
    UNIQUE_LOCAL("unique-local");

    private final String inEnglish;

    InsideAddress(String inEnglish) {
        this.inEnglish = inEnglish;
    }

    @Override
    public String[] getCodes() {
        return new String[] {"address." + name()};
    }

    @Override
    public String getDefaultMessage() {
        return inEnglish;
    }
}
