package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/**
 * A funding call was taken out of the register (cancelled by its programme, or entered by mistake). Schema:
 * {@code events/schemas/se.samverka.call.withdrawn.json}.
 */
public record CallWithdrawn(String callId) {

    public CallWithdrawn {
        requireText(callId, "callId");
    }
}
