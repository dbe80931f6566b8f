package nl.knooppunt.gateway.outbound;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.knooppunt.gateway.registry.ChannelType;
import nl.knooppunt.gateway.registry.CreditorChannel;
import nl.knooppunt.gateway.registry.InvalidChannelException;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.stereotype.Component;

/**
 * The channel implementation for each channel type; the first in Spring order wins. Once every
 * bean exists (and the registry is in line with the configuration), each registered participant's
 * channel is checked by its implementation: a bad one stops the start.
 */
@Component
public class ChannelRegistry implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ChannelRegistry.class);

    private final Map<ChannelType, OutboundChannel> byType = new EnumMap<>(ChannelType.class);
    private final ParticipantRepository participants;

    ChannelRegistry(List<OutboundChannel> channels, ParticipantRepository participants) {
        this.participants = participants;
        List<OutboundChannel> ordered = new java.util.ArrayList<>(channels);
        AnnotationAwareOrderComparator.sort(ordered);
        for (OutboundChannel channel : ordered) {
            byType.putIfAbsent(channel.type(), channel);
        }
    }

    public Optional<OutboundChannel> forType(ChannelType type) {
        return Optional.ofNullable(byType.get(type));
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (Participant participant : participants.findAll()) {
            if (participant.channel().isEmpty()) {
                continue;
            }
            CreditorChannel channel = participant.channel().get();
            Optional<OutboundChannel> implementation = forType(channel.type());
            if (implementation.isEmpty()) {
                log.warn("Participant {} uses channel {}, which this gateway does not have yet: its batches will "
                        + "fail and become dead letters", participant.oin(), channel.type());
                continue;
            }
            try {
                implementation.get().validate(channel);
            } catch (InvalidChannelException e) {
                throw e.of(participant.oin().value());
            }
        }
    }
}
