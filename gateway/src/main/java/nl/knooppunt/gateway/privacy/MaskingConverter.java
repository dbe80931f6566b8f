package nl.knooppunt.gateway.privacy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/** Logback {@code %mask(...)}: the wrapped part of a log line, with personal identifiers blanked out. */
public class MaskingConverter extends CompositeConverter<ILoggingEvent> {

    @Override
    protected String transform(ILoggingEvent event, String in) {
        return PersonalDataMasker.mask(in);
    }
}
