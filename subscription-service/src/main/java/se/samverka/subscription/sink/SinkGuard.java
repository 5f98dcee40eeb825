package se.samverka.subscription.sink;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import se.samverka.platform.web.Reason;
import se.samverka.subscription.SubscriptionSettings;

/**
 * Keeps webhooks from reaching inside (SSRF): a sink must be https and resolve only to public addresses, unless its
 * host is on the configured allowlist (development and tests). Checked when a sink is registered, and again at every
 * connection: the HTTP client resolves names through {@link #resolve}, so the address checked is the address
 * connected to, even if the name resolves differently since registration.
 */
public class SinkGuard implements DnsResolver {

    private static final InetAddress AWS_METADATA_V6 = address("fd00:ec2:0:0:0:0:0:254");

    private final HostResolver resolver;
    private final SubscriptionSettings settings;

    public SinkGuard(HostResolver resolver, SubscriptionSettings settings) {
        this.resolver = resolver;
        this.settings = settings;
    }

    /**
     * Checks a sink as it is registered.
     *
     * @return why it is refused, or empty when it may be used
     */
    public Optional<Reason> refusal(String sink) {
        URI uri;
        try {
            uri = new URI(sink);
        } catch (URISyntaxException e) {
            return Optional.of(Reason.of("reason.sink.url", e.getReason()));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of(Reason.of("reason.sink.absolute"));
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of(Reason.of("reason.sink.parts"));
        }
        boolean allowlisted = settings.allowlisted(uri.getHost());
        if (scheme.equals("http") && !allowlisted) {
            return Optional.of(Reason.of("reason.sink.https"));
        }
        try {
            resolve(uri.getHost());
            return Optional.empty();
        } catch (RefusedSinkException e) {
            return Optional.of(e.reason());
        } catch (UnknownHostException e) {
            return Optional.of(Reason.of("reason.sink.unknown-host", uri.getHost()));
        }
    }

    /** The addresses of a sink's host, if every one of them may be called. */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.resolve(name);
        if (settings.allowlisted(name)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            Optional<InsideAddress> kind = refusedKind(address);
            if (kind.isPresent()) {
                throw new RefusedSinkException(name, kind.get(), address.getHostAddress());
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return resolve(host)[0].getCanonicalHostName();
    }

    /** What kind of inside address this is, or empty for a public one. */
    static Optional<InsideAddress> refusedKind(InetAddress address) {
        byte[] b = address.getAddress();
        if (address.isLoopbackAddress()) {
            return Optional.of(InsideAddress.LOOPBACK);
        }
        if (address.isAnyLocalAddress() || address instanceof Inet4Address && b[0] == 0) {
            return Optional.of(InsideAddress.UNSPECIFIED);
        }
        if (address.equals(AWS_METADATA_V6) || address.getHostAddress().equals("169.254.169.254")) {
            return Optional.of(InsideAddress.CLOUD_METADATA);
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of(InsideAddress.LINK_LOCAL);
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of(InsideAddress.PRIVATE);
        }
        if (address.isMulticastAddress()) {
            return Optional.of(InsideAddress.MULTICAST);
        }
        if (address instanceof Inet4Address) {
            if (b[0] == 100 && (b[1] & 0xC0) == 64) {
                return Optional.of(InsideAddress.SHARED);
            }
            if ((b[0] & 0xFF) == 255 && (b[1] & 0xFF) == 255 && (b[2] & 0xFF) == 255 && (b[3] & 0xFF) == 255) {
                return Optional.of(InsideAddress.BROADCAST);
            }
            return Optional.empty();
        }
        if ((b[0] & 0xFE) == 0xFC) {
            return Optional.of(InsideAddress.UNIQUE_LOCAL);
        }
        if (isNat64(b)) {
            return refusedKind(address(b[12], b[13], b[14], b[15]));
        }
        return Optional.empty();
    }

    /** 64:ff9b::/96 carries an IPv4 address in its last four bytes: judged as that address. */
    private static boolean isNat64(byte[] b) {
        if (b.length != 16 || b[0] != 0 || b[1] != 0x64 || (b[2] & 0xFF) != 0xFF || (b[3] & 0xFF) != 0x9B) {
            return false;
        }
        for (int i = 4; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress address(byte... bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
