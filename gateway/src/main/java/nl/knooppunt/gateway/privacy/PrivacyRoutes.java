package nl.knooppunt.gateway.privacy;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Purges personal data of dossiers past their retention period, every hour. */
@Component
class PrivacyRoutes extends RouteBuilder {

    private final PersonalDataRetention retention;

    PrivacyRoutes(PersonalDataRetention retention) {
        this.retention = retention;
    }

    @Override
    public void configure() {
        from("timer:privacy-retention?period=3600000&delay=60000").routeId("privacy-retention")
                .bean(retention, "purgeExpired");
    }
}
