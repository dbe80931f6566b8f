package nl.knooppunt.gateway.outbound;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.knooppunt.gateway.registry.ChannelType;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.stereotype.Component;

/** The channel implementation for each channel type; the first in Spring order wins. */
@Component
public class ChannelRegistry {

    private final Map<ChannelType, OutboundChannel> byType = new EnumMap<>(ChannelType.class);

    ChannelRegistry(List<OutboundChannel> channels) {
        List<OutboundChannel> ordered = new java.util.ArrayList<>(channels);
        AnnotationAwareOrderComparator.sort(ordered);
        for (OutboundChannel channel : ordered) {
            byType.putIfAbsent(channel.type(), channel);
        }
    }

    public Optional<OutboundChannel> forType(ChannelType type) {
        return Optional.ofNullable(byType.get(type));
    }
}
