package nl.knooppunt.gateway.registry;

import java.util.Set;

/** How the gateway delivers batches to a participant. */
public enum ChannelType {
    /** The gateway calls the participant's SOAP service. */
    SOAP(Set.of("https")),
    /** The gateway calls the participant's REST endpoint. */
    REST(Set.of("https")),
    /** The gateway places signed batch files on the participant's SFTP server. */
    SFTP(Set.of("sftp")),
    /** The participant pulls from its mailbox at the gateway (SOAP, REST or portal) and confirms. */
    MAILBOX(Set.of()),
    /**
     * An SHV's notifications: the gateway POSTs each one, signed, to the SHV's https endpoint
     * (docs/workflow.md, "Telling the SHV: webhooks and the mailbox").
     */
    WEBHOOK(Set.of("https"));

    private final Set<String> endpointSchemes;

    ChannelType(Set<String> endpointSchemes) {
        this.endpointSchemes = endpointSchemes;
    }

    /** The URL schemes an endpoint of this channel may have; none when the channel has no endpoint. */
    public Set<String> endpointSchemes() {
        return endpointSchemes;
    }

    public boolean hasEndpoint() {
        return !endpointSchemes.isEmpty();
    }
}
