package se.samverka.subscription.sink;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a host name into addresses. A seam, so that tests can make a name resolve differently over time. */
@FunctionalInterface
public interface HostResolver {

    InetAddress[] resolve(String host) throws UnknownHostException;

    /** The JDK's (the system's) resolver. */
    static HostResolver system() {
        return InetAddress::getAllByName;
    }
}
