package nl.knooppunt.gateway.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.knooppunt.gateway.KnooppuntApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts another gateway instance (in this JVM or, through {@link #main}, in a process of its own)
 * on an existing database, with extra beans of the test's choosing. Test-only configuration
 * classes on the classpath are kept out, as they are in Spring's own test contexts.
 */
public final class SecondGateway {

    private SecondGateway() {}

    public static ConfigurableApplicationContext start(String jdbcUrl, String[] profiles, Map<String, Object> beans,
                                                       String... properties) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres"));
        for (String property : properties) {
            args.add("--" + property);
        }
        return new SpringApplicationBuilder(KnooppuntApplication.class)
                .web(WebApplicationType.NONE)
                .profiles(profiles)
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("testConfigurationExcludeFilter", new TestConfigurationExcludeFilter());
                    beans.forEach(context.getBeanFactory()::registerSingleton);
                })
                .run(args.toArray(String[]::new));
    }

    /**
     * A whole gateway, web ports included, on its own embedded database (no spring.datasource.url):
     * for a process of its own that a test can kill.
     */
    public static ConfigurableApplicationContext startWithEmbeddedDatabase(String[] profiles, String... properties) {
        return new SpringApplicationBuilder(KnooppuntApplication.class)
                .profiles(profiles)
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton("testConfigurationExcludeFilter", new TestConfigurationExcludeFilter()))
                .run(Arrays.stream(properties).map(property -> "--" + property).toArray(String[]::new));
    }

    /** The test classpath, for starting a gateway in a separate JVM. */
    public static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** Keeps {@link TestConfiguration} classes of other tests out of the component scan. */
    static final class TestConfigurationExcludeFilter extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().isAnnotated(TestConfiguration.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestConfigurationExcludeFilter;
        }

        @Override
        public int hashCode() {
            return TestConfigurationExcludeFilter.class.hashCode();
        }
    }
}
