package nl.knooppunt.gateway.security;

import java.util.Collection;
import java.util.List;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.registry.ParticipantKind;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A participant authenticated by its client certificate: the registry entry behind the OIN. */
public record ParticipantPrincipal(Participant participant) implements UserDetails {

    public static final String ROLE_SHV = "SHV";
    public static final String ROLE_CREDITOR = "CREDITOR";

    public String oin() {
        return participant.oin().value();
    }

    public boolean isShv() {
        return participant.kind() == ParticipantKind.SHV;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + (isShv() ? ROLE_SHV : ROLE_CREDITOR)));
    }

    @Override
    public String getPassword() {
        return "";
    }

    @Override
    public String getUsername() {
        return oin();
    }
}
