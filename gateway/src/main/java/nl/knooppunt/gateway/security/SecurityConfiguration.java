package nl.knooppunt.gateway.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what, per port.
 *
 * <ul>
 *   <li><b>Participant port</b> (mutual TLS): the caller is the participant whose OIN is in the
 *       client certificate and who is active in the registry. SHVs use the dossier API; creditors
 *       the creditor services. Anything else is refused.
 *   <li><b>Operator port</b>: operators log in (HTTP Basic over the operator network); health is open
 *       for load balancers.
 * </ul>
 *
 * What a participant may see within its API — only its own dossiers, only messages addressed to it —
 * is decided by the services, with the caller passed in.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    @Order(1)
    SecurityFilterChain operatorPort(HttpSecurity http, Ports ports, OperatorProperties operator,
                                     ProblemResponses problems) throws Exception {
        PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return http
                .securityMatcher(request -> request.getLocalPort() == ports.operatorPort())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/operator/**", "/actuator/**", "/openapi.json", "/openapi.json/**", "/swagger-ui.html",
                                "/swagger-ui/**", "/v3/api-docs/**").hasRole("OPERATOR")
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> problems.write(response,
                        HttpStatus.UNAUTHORIZED, ProblemResponses.NOT_AUTHENTICATED, "Not authenticated",
                        "Log in as an operator.", "Basic realm=\"knooppunt-operator\"")))
                .userDetailsService(operators(operator, passwords))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> problems.write(response,
                        HttpStatus.FORBIDDEN, ProblemResponses.FORBIDDEN, "Forbidden",
                        "This is not available on the operator port.", null)))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain participantPort(HttpSecurity http, ParticipantRepository participants,
                                        ProblemResponses problems) throws Exception {
        return http
                .x509(x509 -> x509
                        .x509PrincipalExtractor(certificate -> CertificateIdentity.oinOf(certificate).orElse(null))
                        .userDetailsService(participantsByOin(participants)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/dossiers", "/api/v1/dossiers/**").hasRole(ParticipantPrincipal.ROLE_SHV)
                        .requestMatchers("/api/v1/notifications", "/api/v1/notifications/**")
                        .hasRole(ParticipantPrincipal.ROLE_SHV)
                        .requestMatchers("/services/**", "/api/v1/creditor/**").hasRole(ParticipantPrincipal.ROLE_CREDITOR)
                        .requestMatchers("/openapi.json", "/openapi.json/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/v3/api-docs/**")
                        .authenticated()
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, failure) -> problems.write(response,
                                HttpStatus.FORBIDDEN, ProblemResponses.NOT_AUTHENTICATED, "Unknown participant",
                                "The client certificate does not identify an active participant of this gateway.", null))
                        .accessDeniedHandler((request, response, denied) -> problems.write(response,
                                HttpStatus.FORBIDDEN, ProblemResponses.FORBIDDEN, "Forbidden",
                                "Your organisation's role does not allow this.", null)))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /** The participant behind a certificate's OIN; unknown or inactive participants are not let in. */
    static UserDetailsService participantsByOin(ParticipantRepository participants) {
        return oin -> participants.findByOin(oin)
                .filter(p -> p.active())
                .map(ParticipantPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("No active participant with this OIN"));
    }

    private static UserDetailsService operators(OperatorProperties operator, PasswordEncoder passwords) {
        List<UserDetails> users = new ArrayList<>();
        for (OperatorProperties.User user : operator.users()) {
            users.add(User.withUsername(user.name()).password(user.password()).roles("OPERATOR").build());
        }
        if (users.isEmpty() && operator.devPasswordFile() != null) {
            users.add(User.withUsername("operator")
                    .password(passwords.encode(devPassword(operator.devPasswordFile())))
                    .roles("OPERATOR").build());
            log.info("Development operator login: user 'operator', password in {}", operator.devPasswordFile());
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static String devPassword(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[18];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n");
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new IllegalStateException("Development operator password file cannot be used: " + file, e);
        }
    }
}
