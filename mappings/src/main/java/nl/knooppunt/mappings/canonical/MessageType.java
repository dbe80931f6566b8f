package nl.knooppunt.mappings.canonical;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The 15 message types of module Schuldregeling 2.0 and the conversation rules of the contract, kept
 * in this one place: who sends a type, which types it answers, which types answer it, whether it may
 * open a conversation and whether it carries a CrossReferentienummer.
 *
 * <p>The code ({@link #code()}) is the Berichttype value, the name of the XML element and (starting
 * lower-case) the property that holds the body in JSON.
 */
public enum MessageType {
    KENNISGEVING("Kennisgeving", "Kennisgeving", Party.SHV, true, Kennisgeving.class),
    KENNISGEVING_PUBLIEK("KennisgevingPubliek", "Kennisgeving Publiek", Party.SHV, true, KennisgevingPubliek.class),
    KENNISGEVING_ANTWOORD("KennisgevingAntwoord", "Kennisgeving antwoord", Party.SE, false, KennisgevingAntwoord.class),
    GEEN_MEDEWERKING("GeenMedewerking", "Geen medewerking", Party.SE, false, GeenMedewerking.class),
    SALDOVERZOEK("Saldoverzoek", "Saldoverzoek", Party.SHV, true, Saldoverzoek.class),
    SALDOVERZOEK_ANTWOORD("SaldoverzoekAntwoord", "Saldoverzoek antwoord", Party.SE, false, SaldoverzoekAntwoord.class),
    SALDOVERZOEK_ANTWOORD_VOORAF_AKKOORD("SaldoverzoekAntwoordVoorafAkkoord", "Saldoverzoek antwoord vooraf akkoord",
            Party.SE, false, SaldoverzoekAntwoordVoorafAkkoord.class),
    BETAALVOORSTEL("Betaalvoorstel", "Betaalvoorstel", Party.SHV, false, Betaalvoorstel.class),
    BETAALVOORSTEL_ANTWOORD("BetaalvoorstelAntwoord", "Betaalvoorstel antwoord", Party.SE, false, BetaalvoorstelAntwoord.class),
    HEROVERWEGING("Heroverweging", "Heroverweging", Party.SHV, false, Heroverweging.class),
    SCHULDREGELING_AKKOORD("SchuldregelingAkkoord", "Schuldregeling akkoord", Party.SHV, false, SchuldregelingAkkoord.class),
    SCHULDREGELING_BEEINDIGD("SchuldregelingBeeindigd", "Schuldregeling beëindigd", Party.SHV, false, SchuldregelingBeeindigd.class),
    STATUSBERICHT_SHV("StatusberichtSHV", "Statusbericht SHV", Party.SHV, false, StatusberichtSHV.class),
    STATUSBERICHT_SE("StatusberichtSE", "Statusbericht SE", Party.SE, false, StatusberichtSE.class),
    STATUSVERZOEK("Statusverzoek", "Statusverzoek", Party.SE, false, Statusverzoek.class);

    private static final Map<MessageType, Set<MessageType>> ANSWERS = new EnumMap<>(MessageType.class);
    private static final Map<MessageType, Set<MessageType>> ANSWERED_BY = new EnumMap<>(MessageType.class);

    static {
        // The answer table of the contract (reference §1.2, our choices marked in docs/messages.md).
        answers(KENNISGEVING_ANTWOORD, KENNISGEVING, KENNISGEVING_PUBLIEK);
        answers(GEEN_MEDEWERKING, KENNISGEVING, KENNISGEVING_PUBLIEK, SALDOVERZOEK);
        answers(SALDOVERZOEK_ANTWOORD, SALDOVERZOEK);
        answers(SALDOVERZOEK_ANTWOORD_VOORAF_AKKOORD, SALDOVERZOEK);
        answers(BETAALVOORSTEL_ANTWOORD, BETAALVOORSTEL, HEROVERWEGING);
        answers(HEROVERWEGING, BETAALVOORSTEL_ANTWOORD);
        answers(STATUSBERICHT_SHV, STATUSVERZOEK);
        for (MessageType type : values()) {
            ANSWERS.putIfAbsent(type, Collections.unmodifiableSet(EnumSet.noneOf(MessageType.class)));
            EnumSet<MessageType> answeredBy = EnumSet.noneOf(MessageType.class);
            ANSWERS.forEach((answer, requests) -> {
                if (requests.contains(type)) {
                    answeredBy.add(answer);
                }
            });
            ANSWERED_BY.put(type, Collections.unmodifiableSet(answeredBy));
        }
    }

    private static void answers(MessageType answer, MessageType first, MessageType... more) {
        ANSWERS.put(answer, Collections.unmodifiableSet(EnumSet.of(first, more)));
    }

    private final String code;
    private final String displayName;
    private final Party sender;
    private final boolean opensConversation;
    private final Class<? extends MessageBody> bodyType;

    MessageType(String code, String displayName, Party sender, boolean opensConversation,
                Class<? extends MessageBody> bodyType) {
        this.code = code;
        this.displayName = displayName;
        this.sender = sender;
        this.opensConversation = opensConversation;
        this.bodyType = bodyType;
    }

    /** The Berichttype code, also the XML element name, e.g. {@code SaldoverzoekAntwoord}. */
    public String code() {
        return code;
    }

    /** The name used in the reference documentation, e.g. "Saldoverzoek antwoord". */
    public String displayName() {
        return displayName;
    }

    /** The JSON property that holds the body, e.g. {@code saldoverzoekAntwoord}. */
    public String jsonProperty() {
        return Character.toLowerCase(code.charAt(0)) + code.substring(1);
    }

    public Party sender() {
        return sender;
    }

    public Party recipient() {
        return sender.other();
    }

    /** The types a message of this type may answer (its CrossReferentienummer points at one of them). */
    public Set<MessageType> answers() {
        return ANSWERS.get(this);
    }

    /** The types that may answer a message of this type. */
    public Set<MessageType> answeredBy() {
        return ANSWERED_BY.get(this);
    }

    public boolean mayAnswer(MessageType request) {
        return answers().contains(request);
    }

    /**
     * Whether a message of this type may be the first of a conversation (and then mints a new
     * ConversatieReferentienummer). Every other type continues an existing conversation.
     */
    public boolean opensConversation() {
        return opensConversation;
    }

    public CrossReferenceRule crossReference() {
        if (answers().isEmpty()) {
            return CrossReferenceRule.FORBIDDEN;
        }
        // A Statusbericht SHV is either a reply to a Statusverzoek or an unsolicited update.
        return this == STATUSBERICHT_SHV ? CrossReferenceRule.OPTIONAL : CrossReferenceRule.REQUIRED;
    }

    public Class<? extends MessageBody> bodyType() {
        return bodyType;
    }

    public static Optional<MessageType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }

    public static Optional<MessageType> fromJsonProperty(String property) {
        return Arrays.stream(values()).filter(type -> type.jsonProperty().equals(property)).findFirst();
    }
}
