package nl.knooppunt.gateway.registry;

/** How the gateway delivers batches to a creditor. */
public enum ChannelType {
    /** The gateway calls the creditor's SOAP service. */
    SOAP,
    /** The gateway calls the creditor's REST endpoint. */
    REST,
    /** The gateway places signed batch files on the creditor's SFTP server. */
    SFTP,
    /** The creditor pulls from its mailbox at the gateway (SOAP, REST or portal) and confirms. */
    MAILBOX
}
