package nl.knooppunt.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Knooppunt gateway: intake of SHV dossiers, exchange with creditors, status tracking. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KnooppuntApplication {

    public static void main(String[] args) {
        SpringApplication.run(KnooppuntApplication.class, args);
    }
}
