package nl.knooppunt.gateway.channel.mailbox;

import nl.knooppunt.gateway.outbound.BatchResult;
import nl.knooppunt.gateway.outbound.OutboundBatch;
import nl.knooppunt.gateway.outbound.OutboundChannel;
import nl.knooppunt.gateway.registry.ChannelType;
import org.springframework.stereotype.Component;

/**
 * Delivery for creditors that pull: the batch is placed in the creditor's mailbox at the gateway,
 * where it waits to be fetched and confirmed over SOAP, REST or the portal. Nothing leaves the
 * gateway, so placing it cannot fail; the deadline to fetch it starts now.
 */
@Component
class MailboxChannel implements OutboundChannel {

    @Override
    public ChannelType type() {
        return ChannelType.MAILBOX;
    }

    @Override
    public Delivery delivery() {
        return Delivery.MAILBOX;
    }

    @Override
    public BatchResult send(OutboundBatch batch) {
        return BatchResult.allAccepted();
    }
}
