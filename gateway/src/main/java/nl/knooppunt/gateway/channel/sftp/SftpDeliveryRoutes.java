package nl.knooppunt.gateway.channel.sftp;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.springframework.stereotype.Component;

/**
 * The hop to a creditor's SFTP server as a route of its own: every file of a batch (signature, data
 * file with its done-file) goes through {@code sftp-deliver} to the creditor's {@code sftp:} endpoint,
 * so route metrics, message history and tracing show each upload. Failures go back to the channel as
 * they are; the engine decides about retries. Stream caching is off: a batch file can be hundreds of
 * megabytes.
 */
@Component
class SftpDeliveryRoutes extends RouteBuilder {

    @Override
    public void configure() {
        RouteDefinition route = from(SftpChannel.ROUTE).routeId("sftp-deliver").errorHandler(noErrorHandler())
                // The body is the batch file as a stream, read while it is uploaded: never cached in memory.
                .streamCache("false");
        // Not optimised into one endpoint per host: each creditor has its own account, directory and options.
        ToDynamicDefinition upload = new ToDynamicDefinition("${exchangeProperty." + SftpChannel.ENDPOINT + "}");
        upload.setAllowOptimisedComponents("false");
        route.addOutput(upload);
    }
}
