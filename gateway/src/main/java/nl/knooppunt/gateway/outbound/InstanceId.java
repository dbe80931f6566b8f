package nl.knooppunt.gateway.outbound;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Names this gateway process as the holder of batch leases; unique per running process. */
@Component
public class InstanceId {

    private final String value;

    InstanceId(@Value("${knooppunt.instance-id:}") String configured) {
        this.value = StringUtils.hasText(configured)
                ? configured
                : ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
