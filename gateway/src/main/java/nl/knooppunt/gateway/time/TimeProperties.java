package nl.knooppunt.gateway.time;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's civil time.
 *
 * @param zone the time zone of delivery schedules, working days and calendar dates in API filters
 */
@ConfigurationProperties("knooppunt.time")
public record TimeProperties(@DefaultValue("Europe/Amsterdam") ZoneId zone) {}
