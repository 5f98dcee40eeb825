package se.samverka.platform.messaging.personaldata;

import java.time.Instant;
import java.util.List;

/**
 * What this service's histories hold about one person who used Samverka, for their access request (GDPR art. 15):
 * every entry that names them. The identity provider holds their account; the gateway puts the parts together.
 */
public record StaffExport(
        Instant exportedAt,
        String controller,
        String subject,
        String name,
        String heldIn,
        String purpose,
        List<StaffEntry> entries) {
}
