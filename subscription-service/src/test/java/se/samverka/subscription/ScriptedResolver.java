package se.samverka.subscription;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import se.samverka.subscription.sink.HostResolver;

/** Name resolution a test scripts: names it was told resolve as told (and may change); others as the system says. */
final class ScriptedResolver implements HostResolver {

    private final Map<String, String> names = new ConcurrentHashMap<>();

    void resolve(String host, String address) {
        names.put(host, address);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String address = names.get(host);
        if (address == null) {
            return InetAddress.getAllByName(host);
        }
        return new InetAddress[] {InetAddress.getByAddress(host, InetAddress.getByName(address).getAddress())};
    }
}
