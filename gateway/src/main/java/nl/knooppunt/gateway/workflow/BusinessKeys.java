package nl.knooppunt.gateway.workflow;

import java.util.Optional;
import nl.knooppunt.gateway.dossier.Claim;
import nl.knooppunt.gateway.dossier.ClientData;
import nl.knooppunt.gateway.inbound.InboundOutcome;
import nl.knooppunt.gateway.inbound.InboundRejectedException;
import nl.knooppunt.mappings.canonical.BetaalvoorstelAntwoord;
import nl.knooppunt.mappings.canonical.GeenMedewerking;
import nl.knooppunt.mappings.canonical.KennisgevingAntwoord;
import nl.knooppunt.mappings.canonical.MessageBody;
import nl.knooppunt.mappings.canonical.SaldoAntwoord;
import nl.knooppunt.mappings.canonical.StatusberichtSE;
import nl.knooppunt.mappings.canonical.Statusverzoek;

/**
 * The business keys of a creditor's message compared with its conversation (defect 3; domain
 * reference §3.3): the keys inside the body tie a message to the client's case independently of the
 * conversation id, so a message whose keys name another client is refused, whatever its references.
 *
 * <ul>
 * <li>{@code KlantnummerSHV} (every creditor message carries it) must be the SHV's client number of
 *     the dossier's client.</li>
 * <li>{@code KlantnummerSE}, where the message carries one, must be the creditor's number for the
 *     client: the one the SHV gave with the claim ({@code clientNumberAtCreditor}), or, when the SHV
 *     gave none, the one the creditor's first accepted message stated, which is then kept.</li>
 * <li>A birth date or BSN would be compared with the client where a message carries one; no creditor
 *     message of the contract does (only the SHV's Gegevens Klant hold them).</li>
 * </ul>
 *
 * The refusal names the field, never a value: the keys are personal data.
 */
final class BusinessKeys {

    /** The keys a creditor message carries; {@code klantnummerSe} null when it has none. */
    record Keys(String klantnummerShv, String klantnummerSe) {}

    private BusinessKeys() {}

    /** The business keys of a creditor's message; empty for a body that carries none. */
    static Optional<Keys> of(MessageBody body) {
        if (body instanceof SaldoAntwoord a) {
            return Optional.of(new Keys(a.klantnummerSHV(), a.klantnummerSE()));
        }
        if (body instanceof GeenMedewerking g) {
            return Optional.of(new Keys(g.klantnummerSHV(), null));
        }
        if (body instanceof KennisgevingAntwoord k) {
            return Optional.of(new Keys(k.klantnummerSHV(), k.klantnummerSE()));
        }
        if (body instanceof BetaalvoorstelAntwoord b) {
            return Optional.of(new Keys(b.klantnummerSHV(), b.klantnummerSE()));
        }
        if (body instanceof StatusberichtSE s) {
            return Optional.of(new Keys(s.klantnummerSHV(), s.klantnummerSE()));
        }
        if (body instanceof Statusverzoek s) {
            return Optional.of(new Keys(s.klantnummerSHV(), s.klantnummerSE()));
        }
        return Optional.empty();
    }

    /**
     * Checks the message's keys against the claim and its client; writes nothing.
     *
     * @param client the dossier's client data; empty once purged, when KlantnummerSHV cannot be compared
     * @param keptClientNumberSe the KlantnummerSE kept from the creditor's first message, if any
     * @return the KlantnummerSE to keep with the claim: the message's, when none is known yet
     * @throws InboundRejectedException {@link InboundOutcome#BUSINESS_KEY_MISMATCH} naming the field
     */
    static Optional<String> check(MessageBody body, Claim claim, Optional<ClientData> client,
                                  Optional<String> keptClientNumberSe) {
        Optional<Keys> keys = of(body);
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        if (client.isPresent() && !same(client.get().clientNumberShv(), keys.get().klantnummerShv())) {
            throw mismatch("KlantnummerSHV", "is not the SHV's client number of the client of this conversation");
        }
        String stated = keys.get().klantnummerSe();
        if (stated == null) {
            return Optional.empty();
        }
        Optional<String> known = Optional.ofNullable(claim.clientNumberAtCreditor()).or(() -> keptClientNumberSe);
        if (known.isEmpty()) {
            return Optional.of(stated.strip());
        }
        if (!same(known.get(), stated)) {
            throw mismatch("KlantnummerSE", claim.clientNumberAtCreditor() != null
                    ? "is not the client number at the creditor the SHV gave for this claim"
                    : "is not the KlantnummerSE of your first message in this conversation");
        }
        return Optional.empty();
    }

    private static boolean same(String expected, String stated) {
        return expected != null && stated != null && expected.strip().equals(stated.strip());
    }

    private static InboundRejectedException mismatch(String field, String why) {
        return new InboundRejectedException(InboundOutcome.BUSINESS_KEY_MISMATCH,
                field + " " + why + "; nothing was changed");
    }
}
